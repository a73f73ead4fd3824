package org.ser4j.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.ser4j.core.Emotion;
import org.ser4j.core.dsp.MelNorm;
import org.ser4j.core.dsp.MelScale;
import org.ser4j.core.features.FeatureConfig;
import org.ser4j.core.features.FeatureSet;

/**
 * Reads and writes {@link ModelBundle}s. The file is a ZIP archive (extension {@code .ser4j}) holding
 * {@value #CARD_ENTRY}, the card as JSON with a format name and version and the SHA-256 of the weights, then
 * {@value #WEIGHTS_ENTRY}, the engine's bytes. JSON keeps the card readable by people and by other tools; the
 * checksum turns a damaged download into a clear error instead of a model that silently answers nonsense.
 *
 * <p>Every failure to read is a {@link ModelFormatException} saying what is wrong: not a ZIP, a ZIP that is not
 * a ser4j model (a jar, say), a newer format, a damaged archive or card, weights that do not match their
 * checksum.
 */
public final class ModelBundles {

    /** The format name written into every card. */
    public static final String FORMAT = "ser4j-model";
    /** The format version this ser4j writes and the newest it reads. */
    public static final int FORMAT_VERSION = 1;
    /** The card's entry name, first in the archive. */
    public static final String CARD_ENTRY = "ser4j-model.json";
    /** The weights' entry name. */
    public static final String WEIGHTS_ENTRY = "weights.bin";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_CARD_BYTES = 64 << 20;
    private static final long MAX_WEIGHTS_BYTES = Integer.MAX_VALUE - 8;

    private ModelBundles() {
    }

    /**
     * Writes {@code bundle} to {@code file}, atomically: a partly written file never replaces a good one.
     */
    public static void write(ModelBundle bundle, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".part");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                write(bundle, out);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Writes {@code bundle} to a stream, which it does not close. */
    public static void write(ModelBundle bundle, OutputStream out) throws IOException {
        byte[] weights = bundle.weights();
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("format_version", FORMAT_VERSION);
        ObjectNode w = root.putObject("weights");
        w.put("format", bundle.weightsFormat());
        w.put("entry", WEIGHTS_ENTRY);
        w.put("bytes", weights.length);
        w.put("sha256", sha256(weights));
        root.set("card", cardToJson(bundle.card()));
        ZipOutputStream zip = new ZipOutputStream(out);
        zip.putNextEntry(new ZipEntry(CARD_ENTRY));
        zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry(WEIGHTS_ENTRY));
        zip.write(weights);
        zip.closeEntry();
        zip.finish();
        zip.flush();
    }

    /** Reads a bundle from a file. */
    public static ModelBundle read(Path file) throws IOException, ModelFormatException {
        if (Files.isDirectory(file)) {
            throw new ModelFormatException(file + " is a directory, not a ser4j model file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    /** Where the bundled default model lives on the class path. */
    public static final String DEFAULT_MODEL_RESOURCE = "/org/ser4j/model/default.ser4j";

    /**
     * Reads ser4j's bundled default model (a 7-class model trained on five research corpora: see its card's
     * training data and docs/results.md).
     *
     * @throws ModelFormatException if this build carries no default model or it is damaged
     */
    public static ModelBundle readDefault() throws IOException, ModelFormatException {
        try (InputStream in = ModelBundles.class.getResourceAsStream(DEFAULT_MODEL_RESOURCE)) {
            if (in == null) {
                throw new ModelFormatException("this build of ser4j carries no default model (" + DEFAULT_MODEL_RESOURCE
                        + " is missing); give a model file with --model");
            }
            return read(in, "the bundled default model");
        }
    }

    /**
     * Reads a bundle from a stream, which it does not close.
     *
     * @param source names the stream in messages (a file name, a URL)
     */
    public static ModelBundle read(InputStream raw, String source) throws IOException, ModelFormatException {
        BufferedInputStream in = new BufferedInputStream(raw);
        in.mark(4);
        byte[] magic = in.readNBytes(4);
        in.reset();
        if (magic.length < 4 || magic[0] != 'P' || magic[1] != 'K' || magic[2] != 3 || magic[3] != 4) {
            throw new ModelFormatException("not a ser4j model: " + source + " is not a ZIP archive"
                    + (magic.length == 0 ? " (it is empty)" : " (it starts with bytes " + hex(magic) + ")"));
        }
        JsonNode root = null;
        byte[] weights = null;
        try {
            ZipInputStream zip = new ZipInputStream(in);
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().equals(CARD_ENTRY)) {
                    root = JSON.readTree(readLimited(zip, MAX_CARD_BYTES, "the model card"));
                    checkFormat(root, source);
                } else if (e.getName().equals(WEIGHTS_ENTRY)) {
                    weights = readLimited(zip, MAX_WEIGHTS_BYTES, "the weights");
                }
            }
        } catch (ZipException | EOFException e) {
            throw new ModelFormatException("the model file " + source + " is damaged (" + e.getMessage() + ")", e);
        } catch (JsonProcessingException e) {
            throw new ModelFormatException("the model file " + source + " has a damaged card: "
                    + e.getOriginalMessage(), e);
        }
        if (root == null) {
            throw new ModelFormatException("not a ser4j model: " + source + " is a ZIP archive without "
                    + CARD_ENTRY + " (another kind of archive, such as a jar?)");
        }
        if (weights == null) {
            throw new ModelFormatException("the model file " + source + " is damaged: it has no " + WEIGHTS_ENTRY);
        }
        JsonNode w = required(root, "weights");
        if (weights.length != required(w, "bytes").asLong() || !sha256(weights).equals(text(w, "sha256"))) {
            throw new ModelFormatException("the model file " + source + " is damaged: its weights do not match the "
                    + "checksum recorded when it was written");
        }
        try {
            return new ModelBundle(cardFromJson(required(root, "card")), text(w, "format"), weights);
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException("the model file " + source + " has an invalid card: " + e.getMessage(), e);
        }
    }

    private static void checkFormat(JsonNode root, String source) throws ModelFormatException {
        if (!FORMAT.equals(root.path("format").asText(null))) {
            throw new ModelFormatException("not a ser4j model: " + source + " has a " + CARD_ENTRY
                    + " whose format is '" + root.path("format").asText("") + "', not '" + FORMAT + "'");
        }
        int version = root.path("format_version").asInt(-1);
        if (version > FORMAT_VERSION) {
            throw new ModelFormatException("the model file " + source + " was written by a newer ser4j (model format "
                    + version + "); this ser4j reads format " + FORMAT_VERSION + " and older: upgrade ser4j");
        }
        if (version < 1) {
            throw new ModelFormatException("the model file " + source + " has no valid format version");
        }
    }

    private static byte[] readLimited(InputStream in, long limit, String what) throws IOException, ModelFormatException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[1 << 16];
        long total = 0;
        for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
            total += n;
            if (total > limit) {
                throw new ModelFormatException("the model file is damaged or not ser4j's: " + what + " is larger than "
                        + limit + " bytes");
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    // ---- the card as JSON: field by field, so the file format does not depend on Java class names ----

    static ObjectNode cardToJson(ModelCard c) {
        ObjectNode o = JSON.createObjectNode();
        o.put("architecture", c.architecture());
        ObjectNode hp = o.putObject("hyper_parameters");
        c.hyperParameters().forEach(hp::put);
        o.put("feature_set", c.featureSet().name().toLowerCase(Locale.ROOT));
        o.set("feature_config", featureConfigToJson(c.featureConfig()));
        o.put("sample_rate", c.sampleRate());
        ArrayNode labels = o.putArray("labels");
        c.labels().forEach(l -> labels.add(l.label()));
        ObjectNode norm = o.putObject("normalisation");
        norm.put("mean_f32le", floats(c.normalisation().mean()));
        norm.put("scale_f32le", floats(c.normalisation().scale()));
        TrainingData t = c.trainingData();
        ObjectNode data = o.putObject("training_data");
        ArrayNode corpora = data.putArray("corpora");
        t.corpora().forEach(corpora::add);
        data.put("clips", t.clips());
        data.put("speakers", t.speakers());
        ObjectNode per = data.putObject("per_emotion");
        for (Emotion e : Emotion.values()) {
            if (t.perEmotion().containsKey(e)) {
                per.put(e.label(), t.perEmotion().get(e));
            }
        }
        data.put("protocol", t.protocol());
        ObjectNode metrics = o.putObject("metrics");
        c.metrics().forEach(metrics::put);
        Provenance p = c.provenance();
        ObjectNode prov = o.putObject("provenance");
        prov.put("ser4j_version", p.ser4jVersion());
        prov.put("created", p.created().toString());
        prov.put("seed", p.seed());
        prov.put("command", p.command());
        ObjectNode details = prov.putObject("details");
        p.details().forEach(details::put);
        return o;
    }

    static ModelCard cardFromJson(JsonNode o) throws ModelFormatException {
        Map<String, String> hp = new LinkedHashMap<>();
        fields(required(o, "hyper_parameters")).forEachRemaining(e -> hp.put(e.getKey(), e.getValue().asText()));
        List<Emotion> labels = new ArrayList<>();
        for (JsonNode l : required(o, "labels")) {
            labels.add(emotion(l.asText()));
        }
        JsonNode norm = required(o, "normalisation");
        JsonNode data = required(o, "training_data");
        List<String> corpora = new ArrayList<>();
        required(data, "corpora").forEach(n -> corpora.add(n.asText()));
        Map<Emotion, Integer> per = new EnumMap<>(Emotion.class);
        for (Iterator<Map.Entry<String, JsonNode>> it = fields(required(data, "per_emotion")); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            per.put(emotion(e.getKey()), e.getValue().asInt());
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        fields(required(o, "metrics")).forEachRemaining(e -> metrics.put(e.getKey(), e.getValue().asDouble()));
        JsonNode prov = required(o, "provenance");
        Map<String, String> details = new LinkedHashMap<>();
        fields(required(prov, "details")).forEachRemaining(e -> details.put(e.getKey(), e.getValue().asText()));
        Instant created;
        try {
            created = Instant.parse(text(prov, "created"));
        } catch (DateTimeParseException e) {
            throw new ModelFormatException("the model card's creation time is not a valid instant: " + e.getMessage(), e);
        }
        FeatureSet set;
        try {
            set = FeatureSet.valueOf(text(o, "feature_set").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException("the model card names an unknown feature set '" + text(o, "feature_set") + "'");
        }
        return new ModelCard(text(o, "architecture"), hp, set, featureConfigFromJson(required(o, "feature_config")),
                required(o, "sample_rate").asInt(), labels,
                new Normalisation(floats(text(norm, "mean_f32le")), floats(text(norm, "scale_f32le"))),
                new TrainingData(corpora, required(data, "clips").asInt(), required(data, "speakers").asInt(), per,
                        text(data, "protocol")),
                metrics,
                new Provenance(text(prov, "ser4j_version"), created, required(prov, "seed").asLong(),
                        text(prov, "command"), details));
    }

    static ObjectNode featureConfigToJson(FeatureConfig f) {
        ObjectNode o = JSON.createObjectNode();
        o.put("n_fft", f.nFft());
        o.put("hop_length", f.hopLength());
        o.put("n_mels", f.nMels());
        o.put("fmin", f.fMin());
        if (f.fMax().isPresent()) {
            o.put("fmax", f.fMax().getAsDouble());
        } else {
            o.putNull("fmax");
        }
        o.put("mel_scale", f.melScale().name().toLowerCase(Locale.ROOT));
        o.put("mel_norm", f.melNorm().name().toLowerCase(Locale.ROOT));
        o.put("ref", f.ref());
        o.put("amin", f.amin());
        if (f.topDb().isPresent()) {
            o.put("top_db", f.topDb().getAsDouble());
        } else {
            o.putNull("top_db");
        }
        o.put("n_mfcc", f.nMfcc());
        o.put("n_chroma", f.nChroma());
        o.put("frame_length", f.frameLength());
        o.put("frame_hop", f.frameHop());
        o.put("zcr_threshold", f.zcrThreshold());
        o.put("image_frames", f.imageFrames());
        return o;
    }

    static FeatureConfig featureConfigFromJson(JsonNode o) throws ModelFormatException {
        FeatureConfig.Builder b = FeatureConfig.builder()
                .optNFft(required(o, "n_fft").asInt())
                .optHopLength(required(o, "hop_length").asInt())
                .optNMels(required(o, "n_mels").asInt())
                .optFMin(required(o, "fmin").asDouble())
                .optRef(required(o, "ref").asDouble())
                .optAmin(required(o, "amin").asDouble())
                .optNMfcc(required(o, "n_mfcc").asInt())
                .optNChroma(required(o, "n_chroma").asInt())
                .optFrameLength(required(o, "frame_length").asInt())
                .optFrameHop(required(o, "frame_hop").asInt())
                .optZcrThreshold(required(o, "zcr_threshold").asDouble())
                .optImageFrames(required(o, "image_frames").asInt());
        JsonNode fmax = required(o, "fmax");
        if (fmax.isNull()) {
            b.optFMaxAtNyquist();
        } else {
            b.optFMax(fmax.asDouble());
        }
        JsonNode topDb = required(o, "top_db");
        if (topDb.isNull()) {
            b.optNoTopDb();
        } else {
            b.optTopDb(topDb.asDouble());
        }
        try {
            b.optMelScale(MelScale.valueOf(text(o, "mel_scale").toUpperCase(Locale.ROOT)));
            b.optMelNorm(MelNorm.valueOf(text(o, "mel_norm").toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException("the model card's feature configuration names an unknown mel scale or norm");
        }
        return b.build();
    }

    // ---- helpers ----

    private static JsonNode required(JsonNode o, String field) throws ModelFormatException {
        JsonNode n = o.get(field);
        if (n == null) {
            throw new ModelFormatException("the model card is damaged: field '" + field + "' is missing");
        }
        return n;
    }

    private static String text(JsonNode o, String field) throws ModelFormatException {
        JsonNode n = required(o, field);
        if (!n.isTextual()) {
            throw new ModelFormatException("the model card is damaged: field '" + field + "' is not text");
        }
        return n.asText();
    }

    private static Iterator<Map.Entry<String, JsonNode>> fields(JsonNode o) {
        return o.fields();
    }

    private static Emotion emotion(String label) throws ModelFormatException {
        return Emotion.parse(label).orElseThrow(() -> new ModelFormatException("the model card names an unknown "
                + "emotion '" + label + "'"));
    }

    /** Floats as little-endian float32 in base64: exact, unlike a decimal round trip. */
    private static String floats(float[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        return Base64.getEncoder().encodeToString(b.array());
    }

    private static float[] floats(String base64) throws ModelFormatException {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException("the model card's normalisation is damaged (not base64)", e);
        }
        if (bytes.length % Float.BYTES != 0) {
            throw new ModelFormatException("the model card's normalisation is damaged (" + bytes.length + " bytes)");
        }
        float[] out = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
        return out;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static String hex(byte[] b) {
        return HexFormat.ofDelimiter(" ").withUpperCase().formatHex(b);
    }
}
