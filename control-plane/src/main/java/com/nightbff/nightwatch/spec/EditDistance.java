package com.nightbff.nightwatch.spec;

/** Levenshtein distance, for "did you mean" hints on misspelt field and reference names. */
public final class EditDistance {

    private EditDistance() {
    }

    /**
     * The hint for a reference to something not declared: the declared name at most two edits away
     * ("did you mean 'venue'?"), else the declared names, else where to declare one.
     */
    public static String referenceHint(String value, java.util.Collection<String> declared, String whereToDeclare) {
        return declared.stream().min(java.util.Comparator.comparingInt(t -> between(value, t)))
                .filter(t -> between(value, t) <= 2)
                .map(t -> "did you mean '" + t + "'?")
                .orElse(declared.isEmpty() ? "declare it under " + whereToDeclare
                        : "declared: " + String.join(", ", new java.util.TreeSet<>(declared)));
    }

    public static int between(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
