package org.ser4j.data.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ser4j.data.download.DownloadException.Problem;

/** Reading the catalogue JSON, and what it refuses. */
class CatalogueTest {

    static final String JSON = """
            {"version": 1, "corpora": [
              {"name": "RAVDESS", "title": "The Ryerson Audio-Visual Database", "languages": ["English"],
               "emotions": ["neutral", "calm"], "speakers": 24, "clips": 1440, "size_bytes": 208468073,
               "licence": "CC BY-NC-SA 4.0", "licence_url": "https://creativecommons.org/licenses/by-nc-sa/4.0/",
               "homepage": "https://zenodo.org/record/1188976", "citation": "Livingstone and Russo (2018)",
               "access": "public",
               "downloads": [{"url": "https://zenodo.org/r/Audio_Speech_Actors_01-24.zip",
                 "file": "Audio_Speech_Actors_01-24.zip", "size_bytes": 208468073, "sha256": null,
                 "md5": "BC696DF654C87FED845EB13823EDEF8A", "format": "zip"}],
               "layout": {"strip_components": 0, "into": "RAVDESS"}, "instructions": null, "notes": "speech only",
               "future_field": 3},
              {"name": "IEMOCAP", "title": "IEMOCAP", "languages": ["English"], "emotions": [], "speakers": 10,
               "clips": null, "size_bytes": null, "licence": "own", "licence_url": null, "homepage": "https://sail",
               "citation": "Busso et al.", "access": "request", "downloads": [], "layout": null,
               "instructions": "Fill in the form.", "notes": null}
            ]}""";

    @TempDir
    Path dir;

    private Catalogue parse(String json) throws Exception {
        Path p = dir.resolve("catalogue.json");
        Files.writeString(p, json);
        return Catalogue.load(p);
    }

    @Test
    void everyFieldIsReadAndUnknownFieldsAreIgnored() throws Exception {
        Catalogue c = parse(JSON);

        Catalogue.Corpus r = c.corpus("ravdess");
        assertEquals(1440, r.clips());
        assertEquals(Catalogue.Access.PUBLIC, r.access());
        assertEquals(Catalogue.Format.ZIP, r.downloads().get(0).format());
        assertEquals("bc696df654c87fed845eb13823edef8a", r.downloads().get(0).md5());
        assertEquals(208468073L, r.downloads().get(0).sizeBytes());
        Catalogue.Corpus i = c.corpus("IEMOCAP");
        assertEquals(Catalogue.Access.REQUEST, i.access());
        assertEquals("IEMOCAP", i.folder(), "a missing layout installs into a folder named after the corpus");
    }

    @Test
    void anUnknownCorpusListsTheKnownNames() throws Exception {
        DownloadException e = assertThrows(DownloadException.class, () -> parse(JSON).corpus("nope"));

        assertEquals(Problem.UNKNOWN_CORPUS, e.problem());
        assertTrue(e.getMessage().contains("RAVDESS, IEMOCAP"), e.getMessage());
    }

    @Test
    void aFileNameOrFolderThatCouldLeaveTheCorporaFolderIsRefused() {
        DownloadException file = assertThrows(DownloadException.class,
                () -> parse(JSON.replace("\"file\": \"Audio_Speech_Actors_01-24.zip\"", "\"file\": \"../x.zip\"")));
        assertEquals(Problem.CATALOGUE, file.problem());
        assertTrue(file.getMessage().contains("../x.zip"), file.getMessage());
        DownloadException into = assertThrows(DownloadException.class,
                () -> parse(JSON.replace("\"into\": \"RAVDESS\"", "\"into\": \"..\"")));
        assertEquals(Problem.CATALOGUE, into.problem());
    }

    @Test
    void anotherVersionIsRefused() {
        DownloadException e = assertThrows(DownloadException.class,
                () -> parse(JSON.replace("\"version\": 1", "\"version\": 2")));

        assertTrue(e.getMessage().contains("expected 1, found 2"), e.getMessage());
    }
}
