package org.ser4j.data.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ser4j.data.corpus.LoaderAssertions.assertClip;
import static org.ser4j.data.corpus.LoaderAssertions.invalid;
import static org.ser4j.data.corpus.LoaderAssertions.notThisCorpus;
import static org.ser4j.data.corpus.LoaderAssertions.parsed;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.ser4j.core.Emotion;
import org.ser4j.data.Clip;
import org.ser4j.data.Gender;

class CasiaLoaderTest {
    private final CasiaLoader loader = new CasiaLoader();

    @Test
    void takesSpeakerAndEmotionFromTheOfficialFolders() {
        Clip c = parsed(loader, "RawData/CASIA database/liuchanhg/angry/203.wav");
        assertClip(c, "CASIA:liuchanhg", Gender.FEMALE, Emotion.ANGRY, "angry");
        assertEquals("zh", c.language());
        assertEquals(Optional.of("203"), c.textId());
        assertClip(parsed(loader, "C:/Users/G7/Desktop/CASIA database/liuchanhg/fear/210.wav"), "CASIA:liuchanhg",
                Gender.FEMALE, Emotion.FEAR, "fear");
        assertClip(parsed(loader, "CASIA database/wangzhe/happy/201.WAV"), "CASIA:wangzhe", Gender.MALE,
                Emotion.HAPPY, "happy");
        assertClip(parsed(loader, "CASIA database/zhaoquanyin/sad/250.wav"), "CASIA:zhaoquanyin", Gender.FEMALE,
                Emotion.SAD, "sad");
        assertClip(parsed(loader, "CASIA database/ZhaoZuoxiang/surprise/222.wav"), "CASIA:ZhaoZuoxiang",
                Gender.MALE, Emotion.SURPRISE, "surprise");
        assertEquals(Optional.of(Emotion.NEUTRAL), parsed(loader, "CASIA database/wangzhe/neutral/240.wav").emotion());
    }

    @Test
    void theFullVersionsSecondSpellingsAndNormalFolderMapToTheSamePeople() {
        assertClip(parsed(loader, "不同文本100/Zhe.Wang/normal/001.wav"), "CASIA:wangzhe", Gender.MALE,
                Emotion.NEUTRAL, "normal");
        assertEquals("CASIA:liuchanhg", parsed(loader, "不同文本100/Chang.Liu/angry/001.wav").speaker());
        assertEquals("CASIA:zhaoquanyin", parsed(loader, "不同文本100/Quanyin.Zhao/angry/001.wav").speaker());
        assertEquals("CASIA:ZhaoZuoxiang", parsed(loader, "相同文本300/ZhaoZuoxiang/angry/001.wav").speaker());
        assertEquals("CASIA:ZhaoZuoxiang", parsed(loader, "不同文本100/Zuoxiang.Zhao/angry/001.wav").speaker());
    }

    @Test
    void parsesFlattenedMirrorNames() {
        Clip renovamen = parsed(loader, "datasets/CASIA/angry/201-angry-liuchanhg.wav");
        assertClip(renovamen, "CASIA:liuchanhg", Gender.FEMALE, Emotion.ANGRY, "angry");
        assertEquals(Optional.of("201"), renovamen.textId());
        assertClip(parsed(loader, "./CASIA/6/sad/201-sad-zhaoquanyin.wav"), "CASIA:zhaoquanyin", Gender.FEMALE,
                Emotion.SAD, "sad");
        assertEquals(Optional.of("250"), parsed(loader, "zhaoquanyin_250_neutral.wav").textId());
        assertEquals(Optional.of(Emotion.FEAR), parsed(loader, "liuchanhg_201_fear_0.wav").emotion());
        assertEquals(Optional.of("201"), parsed(loader, "liuchanhg_201_fear_0.wav").textId());
        assertEquals(Optional.of(Emotion.HAPPY), parsed(loader, "相同文本300_liuchanhg_happy_201.wav").emotion());
        assertEquals(Optional.of("201"), parsed(loader, "相同文本300_liuchanhg_happy_201.wav").textId());
        assertEquals("CASIA:wangzhe", parsed(loader, "wangzhe _neutral_206.wav").speaker());
        assertEquals(Optional.of(Emotion.SURPRISE), parsed(loader, "surprise/wangzhe-207.wav").emotion());
    }

    @Test
    void refusesFilesUnderASpeakerFolderThatLackALabelOrNumber() {
        assertTrue(invalid(loader, "liuchanhg/bored/201.wav").contains("'bored'"));
        assertTrue(invalid(loader, "liuchanhg/angry/take.wav").contains("not a number"));
        assertTrue(invalid(loader, "liuchanhg_201.wav").contains("neither the name"));
        assertTrue(invalid(loader, "liuchanhg_angry.wav").contains("3-digit"));
    }

    @Test
    void leavesOtherNames() {
        notThisCorpus(loader, "angry/201.wav");
        notThisCorpus(loader, "liuchanhg/angry/201.txt");
        notThisCorpus(loader, "someone/angry/201.wav");
    }
}
