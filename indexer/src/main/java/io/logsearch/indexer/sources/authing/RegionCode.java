package io.logsearch.indexer.sources.authing;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * ECS {@code source.geo.region_iso_code} is ISO 3166-2: the country's alpha-2 code, a hyphen and
 * one to three letters or digits ({@code CN-SH}). GeoIP records carry the two parts apart
 * ({@code country_code2: "CN"}, {@code region_code: "SH"}); without both, or with a part of another
 * form, there is no code.
 */
final class RegionCode {

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern SUBDIVISION = Pattern.compile("[A-Z0-9]{1,3}");

    private RegionCode() {
    }

    static Optional<String> iso3166_2(Optional<String> countryCode, Optional<String> regionCode) {
        Optional<String> country = countryCode.map(c -> c.toUpperCase(Locale.ROOT)).filter(c -> COUNTRY.matcher(c).matches());
        if (country.isEmpty() || regionCode.isEmpty()) {
            return Optional.empty();
        }
        String region = regionCode.get().toUpperCase(Locale.ROOT);
        // some GeoIP databases already write the full code
        if (region.startsWith(country.get() + "-")) {
            region = region.substring(3);
        }
        return SUBDIVISION.matcher(region).matches() ? Optional.of(country.get() + "-" + region) : Optional.empty();
    }
}
