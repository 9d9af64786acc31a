package dev.weft.internal.engine;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.function.Function;
import java.util.function.Predicate;

/** Pages through ordered maps with SWF's page size rules and the engine's page tokens. */
final class Paging {
    /** SWF's page size when a request gives none (or 0). */
    static final int DEFAULT_PAGE_SIZE = 1000;

    /** One page of a listing; {@code nextPageToken} is null on the last page. */
    record Page<I>(List<I> items, String nextPageToken) {}

    private final Engine engine;

    Paging(Engine engine) {
        this.engine = engine;
    }

    static int pageSize(Integer maximumPageSize) {
        return maximumPageSize == null || maximumPageSize == 0 ? DEFAULT_PAGE_SIZE : maximumPageSize;
    }

    /**
     * One page of {@code map}'s values that pass {@code filter}, in key order (or reversed),
     * starting after the key the page token names. A token is issued when more may follow.
     */
    <K, V, I> Page<I> page(
            String kind,
            int fingerprint,
            NavigableMap<K, V> map,
            String pageToken,
            Integer maximumPageSize,
            boolean reverse,
            Predicate<V> filter,
            Function<V, I> info,
            Function<K, String> keyText,
            Function<String, K> parseKey) {
        NavigableMap<K, V> view = reverse ? map.descendingMap() : map;
        if (pageToken != null) {
            String position = engine.pages.redeem(pageToken, kind, fingerprint, engine.nowMillis());
            K after;
            try {
                after = parseKey.apply(position);
            } catch (RuntimeException e) {
                throw Check.failure("nextPageToken", pageToken, "Member must be a nextPageToken returned by SWF");
            }
            view = view.tailMap(after, false);
        }
        int size = pageSize(maximumPageSize);
        List<I> items = new ArrayList<>(Math.min(size, 64));
        K last = null;
        Iterator<Map.Entry<K, V>> it = view.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<K, V> e = it.next();
            if (!filter.test(e.getValue())) {
                continue;
            }
            if (items.size() == size) {
                return new Page<>(
                        items, engine.pages.issue(kind, fingerprint, keyText.apply(last), engine.nowMillis()));
            }
            items.add(info.apply(e.getValue()));
            last = e.getKey();
        }
        return new Page<>(items, null);
    }
}
