package com.nightbff.nightwatch.catalog;

import java.util.List;
import java.util.Optional;

/** The files of one content revision: a git tree or a folder on disk. Paths use '/' and are relative. */
public interface ContentSource {

    /** Every file path, sorted. */
    List<String> files();

    Optional<byte[]> read(String path);

    /** The files directly or indirectly under a folder whose names end with one of the suffixes. */
    default List<String> filesUnder(String folder, String... suffixes) {
        String prefix = folder.endsWith("/") ? folder : folder + "/";
        return files().stream().filter(f -> f.startsWith(prefix))
                .filter(f -> suffixes.length == 0 || java.util.Arrays.stream(suffixes).anyMatch(f::endsWith))
                .toList();
    }
}
