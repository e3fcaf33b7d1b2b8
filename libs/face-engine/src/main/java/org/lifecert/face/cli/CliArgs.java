package org.lifecert.face.cli;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** {@code --name value} pairs. */
record CliArgs(Map<String, String> values) {
    static CliArgs parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value, got " + args[i]);
            }
            values.put(args[i].substring(2), args[++i]);
        }
        return new CliArgs(values);
    }

    Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    String require(String name) {
        return get(name).orElseThrow(() -> new IllegalArgumentException("--" + name + " is required"));
    }

    int intValue(String name, int dflt) {
        return get(name).map(Integer::parseInt).orElse(dflt);
    }
}
