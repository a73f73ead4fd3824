package org.ser4j.cli;

/** Entry point of the {@code ser4j} command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(Ser4jCommand.run(args));
    }
}
