package org.lifecert.enrollment.reference;

/** A PRC embassy or consulate-general abroad (使领馆), in the country of ISO code {@code country}. */
public record Consulate(String country, Kind kind, String name) {

    public enum Kind { EMBASSY, CONSULATE_GENERAL }
}
