package org.ser4j.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** The Spark session of a {@code ser4j batch} command: local unless spark-submit or {@code --master} says where. */
public final class BatchSessions {

    /** The master when none is given: every core of this machine. */
    public static final String DEFAULT_MASTER = "local[*]";

    private BatchSessions() {
    }

    /**
     * A session on {@code master}; when it is null, on spark-submit's master ({@code spark.master}), or
     * {@value #DEFAULT_MASTER} when run with plain {@code java}. A local session binds its driver to 127.0.0.1 and
     * has no web UI: a laptop run opens no port to the network.
     */
    public static SparkSession open(String master, String appName) {
        SparkConf conf = new SparkConf();
        String chosen = master != null ? master : conf.get("spark.master", DEFAULT_MASTER);
        SparkSession.Builder b = SparkSession.builder().appName(appName).master(chosen);
        if (chosen.startsWith("local")) {
            b.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.ui.enabled", "false");
        }
        return b.getOrCreate();
    }
}
