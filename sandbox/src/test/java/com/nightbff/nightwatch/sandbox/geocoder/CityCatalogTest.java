package com.nightbff.nightwatch.sandbox.geocoder;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CityCatalogTest {

    private final CityCatalog catalog = new CityCatalog();

    @Test
    void findsRealAndTestCitiesCaseInsensitively() {
        assertThat(catalog.find("london")).get().extracting(City::formattedAddress).isEqualTo("London, UK");
        assertThat(catalog.find("London, UK")).isPresent();
        assertThat(catalog.find("Test Destination City 1")).isPresent();
        assertThat(catalog.find("test  destination city 50")).isPresent();
        assertThat(catalog.find("Test Destination City 51")).isEmpty();
        assertThat(catalog.find("")).isEmpty();
        assertThat(catalog.size()).isEqualTo(70);
    }
}
