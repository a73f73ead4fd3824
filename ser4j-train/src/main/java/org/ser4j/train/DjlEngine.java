package org.ser4j.train;

import ai.djl.engine.Engine;

/**
 * The one place that sets DJL's process-wide settings, before the engine starts (PyTorch reads its thread
 * counts once, at start-up): offline mode and no telemetry, so that nothing is ever downloaded or reported, and
 * one intra-op and one inter-op thread unless the caller chose otherwise. One thread is as fast as two for the
 * MLP on small machines and keeps same-seed runs bit-identical (docs/notes/djl-offline.md). Values already set
 * as system properties (on the command line, by surefire) win.
 */
public final class DjlEngine {

    /** The threads used when none are configured. */
    public static final int DEFAULT_THREADS = 1;

    private DjlEngine() {
    }

    /**
     * Applies the settings (idempotent) and returns the started engine.
     *
     * @return the PyTorch engine
     */
    public static synchronized Engine configure() {
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("OPT_OUT_TRACKING", "true");
        setIfAbsent("ai.djl.pytorch.num_threads", Integer.toString(DEFAULT_THREADS));
        setIfAbsent("ai.djl.pytorch.num_interop_threads", Integer.toString(DEFAULT_THREADS));
        return Engine.getEngine("PyTorch");
    }

    /** The intra-op thread count the engine was started with, as configured. */
    static String threads() {
        return System.getProperty("ai.djl.pytorch.num_threads");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
