package dev.weft.internal.engine;

/** A type's identity within a domain: name and version, ordered by name, then version. */
record TypeKey(String name, String version) implements Comparable<TypeKey> {
    @Override
    public int compareTo(TypeKey o) {
        int c = name.compareTo(o.name);
        return c != 0 ? c : version.compareTo(o.version);
    }

    @Override
    public String toString() {
        return "[name=" + name + ", version=" + version + "]";
    }
}
