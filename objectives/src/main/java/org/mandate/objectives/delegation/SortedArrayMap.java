package org.mandate.objectives.delegation;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SortedMap;

/**
 * A read-only view of parallel arrays whose keys are already in natural order, only so that
 * {@code new TreeMap<>(view)} builds its tree in linear time (TreeMap trusts a SortedMap's order) when
 * a million members are reported. Not a general-purpose map.
 */
final class SortedArrayMap<V> extends AbstractMap<String, V> implements SortedMap<String, V> {

    private final String[] keys;
    private final V[] values;

    SortedArrayMap(String[] keys, V[] values) {
        this.keys = keys;
        this.values = values;
    }

    @Override public Comparator<? super String> comparator() { return null; }

    @Override public int size() { return keys.length; }

    @Override
    public Set<Entry<String, V>> entrySet() {
        return new AbstractSet<>() {
            @Override public int size() { return keys.length; }

            @Override
            public Iterator<Entry<String, V>> iterator() {
                return new Iterator<>() {
                    int i;
                    @Override public boolean hasNext() { return i < keys.length; }
                    @Override public Entry<String, V> next() {
                        if (i >= keys.length) throw new NoSuchElementException();
                        Map.Entry<String, V> e = new SimpleImmutableEntry<>(keys[i], values[i]);
                        i++;
                        return e;
                    }
                };
            }
        };
    }

    @Override public String firstKey() { if (keys.length == 0) throw new NoSuchElementException(); return keys[0]; }

    @Override public String lastKey() { if (keys.length == 0) throw new NoSuchElementException(); return keys[keys.length - 1]; }

    @Override public SortedMap<String, V> subMap(String from, String to) { throw new UnsupportedOperationException(); }

    @Override public SortedMap<String, V> headMap(String to) { throw new UnsupportedOperationException(); }

    @Override public SortedMap<String, V> tailMap(String from) { throw new UnsupportedOperationException(); }
}
