package io.logsearch.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logsearch.storage.SealRecords;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * Seal records in one hidden index, {@code <base>-digests}: a document per record ({@code _id} its
 * name) and one per leaf chunk ({@code <name>/leaves/<n>}), the bytes base64 in a {@code binary}
 * field. Its own template (a higher priority than the events' {@code <base>-*}) keeps the events'
 * mapping off it, and being hidden keeps it out of every {@code <base>-*} search and data view.
 */
final class EsSealRecords implements SealRecords {

    private static final String RESOURCE = "logsearch-digests.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Above the events templates' 100 plus the base's length, so this one wins for the digests index. */
    private static final int PRIORITY = 1000;
    private static final int RECORD_PAGE = 1000;
    private static final int CHUNK_PAGE = 4;

    private final ElasticsearchClient client;
    private final String base;
    private final String index;
    private final IntSupplier replicas;

    EsSealRecords(ElasticsearchClient client, String base, IntSupplier replicas) {
        this.client = client;
        this.base = base;
        this.index = base + "-digests";
        this.replicas = replicas;
    }

    @Override
    public List<SealRecord> all() {
        List<SealRecord> records = new ArrayList<>();
        if (!exists()) {
            return records;
        }
        page("record", "record", RECORD_PAGE, "", hit -> records.add(new SealRecord(hit.id(), bytes(hit))));
        return records;
    }

    @Override
    public void add(SealRecord record, Iterator<byte[]> leafChunks) {
        ensureIndex();
        for (int chunk = 0; leafChunks.hasNext(); chunk++) {
            index(record.name() + "/leaves/" + chunk, document(record.name(), "leaves", chunk, leafChunks.next()), Refresh.False);
        }
        index(record.name(), document(record.name(), "record", 0, record.bytes()), Refresh.WaitFor);
    }

    @Override
    public void leaves(String name, Consumer<byte[]> consumer) {
        if (exists()) {
            page("leaves", "chunk", CHUNK_PAGE, name, hit -> consumer.accept(bytes(hit)));
        }
    }

    /** Every document of {@code kind} (of the record {@code name} when not empty), sorted on {@code sortField}. */
    private void page(String kind, String sortField, int size, String name, Consumer<Hit<ObjectNode>> consumer) {
        List<FieldValue> after = List.of();
        while (true) {
            List<FieldValue> from = after;
            SearchResponse<ObjectNode> page = Failures.attempt(() -> client.search(s -> {
                s.index(index).size(size).trackTotalHits(t -> t.enabled(false))
                        .query(q -> q.bool(b -> {
                            b.filter(f -> f.term(t -> t.field("kind").value(kind)));
                            if (!name.isEmpty()) {
                                b.filter(f -> f.term(t -> t.field("record").value(name)));
                            }
                            return b;
                        }))
                        .sort(o -> o.field(f -> f.field(sortField).order(SortOrder.Asc)));
                if (!from.isEmpty()) {
                    s.searchAfter(from);
                }
                return s;
            }, ObjectNode.class));
            List<Hit<ObjectNode>> hits = page.hits().hits();
            hits.forEach(consumer);
            if (hits.size() < size) {
                return;
            }
            after = hits.get(hits.size() - 1).sort();
        }
    }

    private static byte[] bytes(Hit<ObjectNode> hit) {
        return Base64.getDecoder().decode(hit.source().get("bytes").textValue());
    }

    private static ObjectNode document(String name, String kind, int chunk, byte[] bytes) {
        return JSON.createObjectNode().put("record", name).put("kind", kind).put("chunk", chunk)
                .put("bytes", Base64.getEncoder().encodeToString(bytes));
    }

    private void index(String id, ObjectNode document, Refresh refresh) {
        Failures.attempt(() -> client.create(c -> c.index(index).id(id).document(document).refresh(refresh)));
    }

    private boolean exists() {
        return Failures.attempt(() -> client.indices().exists(e -> e.index(index)).value());
    }

    private void ensureIndex() {
        if (exists()) {
            return;
        }
        ObjectNode template = template();
        template.putArray("index_patterns").add(index);
        template.put("priority", PRIORITY + base.length());
        ((ObjectNode) template.at("/template/settings/index")).put("number_of_replicas", replicas.getAsInt());
        String body = template.toString();
        Failures.attempt(() -> client.indices().putIndexTemplate(t -> t.name(index).withJson(new StringReader(body))));
        Failures.attempt(() -> client.indices().create(c -> c.index(index)));
    }

    private static ObjectNode template() {
        try (InputStream in = EsSealRecords.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("template resource " + RESOURCE + " is missing from the classpath");
            }
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the template resource " + RESOURCE, e);
        }
    }
}
