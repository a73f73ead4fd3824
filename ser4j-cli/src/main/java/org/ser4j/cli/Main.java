package org.ser4j.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Entry point of the {@code ser4j} command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // Charts are drawn off-screen; never try to reach a display.
        System.setProperty("java.awt.headless", "true");
        PrintStream stdout = System.out;
        // Some libraries (jFLAC) print diagnostics on System.out; stdout carries only ser4j's own results,
        // which scripts parse line by line, so library chatter goes to stderr.
        System.setOut(System.err);
        System.exit(Ser4jCommand.commandLine()
                .setOut(new PrintWriter(new java.io.OutputStreamWriter(stdout, StandardCharsets.UTF_8), true))
                .execute(args));
    }
}
