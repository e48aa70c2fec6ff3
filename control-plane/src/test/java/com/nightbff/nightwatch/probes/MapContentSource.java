package com.nightbff.nightwatch.probes;

import com.nightbff.nightwatch.catalog.ContentSource;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Content held in memory, for tests that need a whole bundle of a few lines. */
public final class MapContentSource implements ContentSource {

    private final Map<String, byte[]> files = new TreeMap<>();

    public MapContentSource put(String path, String text) {
        files.put(path, text.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    @Override
    public List<String> files() {
        return List.copyOf(files.keySet());
    }

    @Override
    public Optional<byte[]> read(String path) {
        return Optional.ofNullable(files.get(path));
    }
}
