package org.lifecert.events;

import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The schemas' base64 properties ({@code "contentEncoding": "base64"} with the pattern {@value #PATTERN}), checked by a
 * loop over the characters instead of the schema validator's regular expression: a frame batch carries several 40 KB
 * JPEGs as base64, and the regular expression cost each face worker more CPU per batch than decoding its JSON
 * (JFR, 2026-12-04). The rule is the pattern's, and the schema files keep it as the contract.
 */
final class Base64Fields {

    static final String PATTERN = "^[A-Za-z0-9+/]+={0,2}$";

    private static final boolean[] ALPHABET = new boolean[128];

    static {
        for (char c = 'A'; c <= 'Z'; c++) {
            ALPHABET[c] = true;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            ALPHABET[c] = true;
        }
        for (char c = '0'; c <= '9'; c++) {
            ALPHABET[c] = true;
        }
        ALPHABET['+'] = true;
        ALPHABET['/'] = true;
    }

    private Base64Fields() {
    }

    /** Removes the base64 pattern from the schema's properties (it is checked by {@link #check}) and names them. */
    static Set<String> strip(JsonNode schema) {
        Set<String> names = new HashSet<>();
        strip(schema, names);
        return Set.copyOf(names);
    }

    private static void strip(JsonNode node, Set<String> names) {
        if (node.isObject()) {
            JsonNode properties = node.get("properties");
            if (properties != null && properties.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> property = it.next();
                    JsonNode p = property.getValue();
                    if (p.isObject() && "base64".equals(p.path("contentEncoding").asText()) && p.has("pattern")) {
                        if (!PATTERN.equals(p.get("pattern").asText())) {
                            throw new IllegalStateException("base64 property " + property.getKey() + " has the pattern "
                                    + p.get("pattern") + ", not " + PATTERN);
                        }
                        ((ObjectNode) p).remove("pattern");
                        names.add(property.getKey());
                    }
                }
            }
        }
        for (JsonNode child : node) {
            strip(child, names);
        }
    }

    /** Adds a violation for every property named in {@code names} whose text does not match {@value #PATTERN}. */
    static void check(JsonNode node, Set<String> names, String path, List<String> violations) {
        if (names.isEmpty() || node == null) {
            return;
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode value = field.getValue();
                if (names.contains(field.getKey()) && value.isTextual() && !matches(value.textValue())) {
                    violations.add(path + "." + field.getKey() + ": is not base64 (the letters A-Z and a-z, digits, "
                            + "'+' and '/', then at most two '=')");
                } else {
                    check(value, names, path + "." + field.getKey(), violations);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                check(node.get(i), names, path + "[" + i + "]", violations);
            }
        }
    }

    /** Whether {@code text} matches {@value #PATTERN}. */
    static boolean matches(String text) {
        int end = text.length();
        int padding = 0;
        while (padding < 2 && end > 0 && text.charAt(end - 1) == '=') {
            end--;
            padding++;
        }
        if (end == 0) {
            return false;
        }
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (c >= 128 || !ALPHABET[c]) {
                return false;
            }
        }
        return true;
    }
}
