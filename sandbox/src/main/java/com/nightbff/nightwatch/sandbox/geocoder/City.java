package com.nightbff.nightwatch.sandbox.geocoder;

/** A resolved destination. */
public record City(String name, double lat, double lng, String formattedAddress) {
}
