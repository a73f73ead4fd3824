package org.ser4j.data.corpus;

import java.util.Objects;
import org.ser4j.data.Clip;

/**
 * What a {@link CorpusLoader} made of one file: a clip, or why not. The two refusals differ in who owns the
 * file: {@link Invalid} means the name has this corpus's shape but a field is wrong (the file is this corpus's,
 * so a scan reports it and offers it to no other loader); {@link NotThisCorpus} means the name is not this
 * corpus's at all (the next loader may take it).
 */
public sealed interface ParseResult permits ParseResult.Parsed, ParseResult.Invalid, ParseResult.NotThisCorpus {

    /** The file was parsed. Its duration is not known yet (a scan reads it from the header). */
    record Parsed(Clip clip) implements ParseResult {
        public Parsed {
            Objects.requireNonNull(clip, "clip");
        }
    }

    /** The name looks like this corpus's, but a field is not one the corpus documents. */
    record Invalid(String reason) implements ParseResult {
        public Invalid {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The name is not this corpus's. */
    record NotThisCorpus(String reason) implements ParseResult {
        public NotThisCorpus {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
