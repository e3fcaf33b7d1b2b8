package org.lifecert.enrollment.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The seed's list fields of the residents-abroad form (国籍 列表选择, 使领馆 必填): countries/regions and PRC
 * embassies and consulates-general, read once from the data files {@code reference/countries.csv} and
 * {@code reference/consulates.csv} in this module. Plain class: the rules and the read-only API share it.
 */
public final class ReferenceLists {

    private static final ReferenceLists BUNDLED = load("reference/countries.csv", "reference/consulates.csv");

    private final List<Country> countries;
    private final Map<String, Country> countryByKey = new HashMap<>();
    private final List<Consulate> consulates;
    private final Map<String, Consulate> consulateByName = new HashMap<>();
    private final Map<String, List<Consulate>> consulatesByCountry = new LinkedHashMap<>();

    ReferenceLists(List<Country> countries, List<Consulate> consulates) {
        this.countries = List.copyOf(countries);
        this.consulates = List.copyOf(consulates);
        for (Country c : countries) {
            countryByKey.put(c.code(), c);
            countryByKey.put(c.name(), c);
        }
        for (Consulate c : consulates) {
            if (!countryByKey.containsKey(c.country())) {
                throw new IllegalStateException("consulate " + c.name() + " in unknown country " + c.country());
            }
            consulateByName.put(c.name(), c);
            consulatesByCountry.computeIfAbsent(c.country(), k -> new ArrayList<>()).add(c);
        }
    }

    /** The lists shipped with the service. */
    public static ReferenceLists bundled() {
        return BUNDLED;
    }

    public List<Country> countries() {
        return countries;
    }

    public List<Consulate> consulates() {
        return consulates;
    }

    /** Embassy first, then consulates-general, of the country with ISO code {@code code} (empty if none). */
    public List<Consulate> consulatesIn(String code) {
        return consulatesByCountry.getOrDefault(code, List.of());
    }

    /** A country by its ISO code (any case) or its Chinese name. */
    public Optional<Country> country(String codeOrName) {
        if (codeOrName == null) {
            return Optional.empty();
        }
        String key = codeOrName.strip();
        Country c = countryByKey.get(key);
        return Optional.ofNullable(c != null ? c : countryByKey.get(key.toUpperCase(Locale.ROOT)));
    }

    /** A mission by its exact name as listed (e.g. 中国驻旧金山总领事馆). */
    public Optional<Consulate> consulate(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(consulateByName.get(name.strip()));
    }

    static ReferenceLists load(String countriesResource, String consulatesResource) {
        List<Country> countries = rows(countriesResource, 2, f -> new Country(f[0], f[1]));
        List<Consulate> consulates = rows(consulatesResource, 3,
                f -> new Consulate(f[0], Consulate.Kind.valueOf(f[1]), f[2]));
        return new ReferenceLists(countries, consulates);
    }

    /** Simple CSV without quoting: '#' comment lines, one header line, then {@code columns} fields a line. */
    private static <T> List<T> rows(String resource, int columns, Function<String[], T> row) {
        InputStream in = ReferenceLists.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing resource " + resource);
        }
        List<T> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            boolean header = true;
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] f = line.split(",", -1);
                if (f.length != columns) {
                    throw new IllegalStateException(resource + ": expected " + columns + " fields: " + line);
                }
                out.add(row.apply(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
