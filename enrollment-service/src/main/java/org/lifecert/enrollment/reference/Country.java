package org.lifecert.enrollment.reference;

/** A country or region of the 国籍 list: ISO 3166-1 alpha-2 code and Chinese name. */
public record Country(String code, String name) {
}
