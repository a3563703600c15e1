package com.wedsync.perf.model.topic;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.InvalidReplicationFactorException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the registry's topics with their partitions and configs. Existing topics are left as they are,
 * so the local stack and every service may run it against a shared cluster.
 */
public final class TopicProvisioner {

    private static final int TIMEOUT_SECONDS = 60;
    private static final long RETRY_PAUSE_MS = 500;

    private TopicProvisioner() {
    }

    /** Creates the missing topics and returns the names of those it created. */
    public static List<String> ensureTopics(String bootstrapServers, Collection<Topic<?, ?>> topics) {
        return ensureTopics(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), topics);
    }

    /**
     * As above, with the admin client's settings (bootstrap servers, and TLS / SASL when the cluster needs them).
     * A cluster that is still starting (no broker registered yet, a leader not elected) is asked again until
     * {@value #TIMEOUT_SECONDS} s have passed; any other refusal fails at once.
     */
    public static List<String> ensureTopics(Map<String, Object> adminSettings, Collection<Topic<?, ?>> topics) {
        Instant deadline = Instant.now().plusSeconds(TIMEOUT_SECONDS);
        try (Admin admin = Admin.create(adminSettings)) {
            List<String> created = new ArrayList<>();
            List<NewTopic> missing = missing(admin, topics);
            while (!missing.isEmpty()) {
                Throwable notYet = null;
                for (var result : admin.createTopics(missing).values().entrySet()) {
                    try {
                        result.getValue().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                        created.add(result.getKey());
                    } catch (ExecutionException e) {
                        // TopicExistsException: someone else created it between our listing and our request.
                        if (!(e.getCause() instanceof TopicExistsException)) {
                            if (!isStillStarting(e.getCause()) || Instant.now().isAfter(deadline)) {
                                throw e;
                            }
                            notYet = e.getCause();
                        }
                    }
                }
                if (notYet == null) {
                    break;
                }
                Thread.sleep(RETRY_PAUSE_MS);
                missing = missing(admin, topics);
            }
            return created;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create topics on Kafka at " + adminSettings.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG) + ": "
                    + (e.getCause() == null ? e : e.getCause()).getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }

    private static List<NewTopic> missing(Admin admin, Collection<Topic<?, ?>> topics)
            throws ExecutionException, InterruptedException, TimeoutException {
        Set<String> existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        List<NewTopic> missing = new ArrayList<>();
        for (Topic<?, ?> topic : topics) {
            if (!existing.contains(topic.name())) {
                missing.add(new NewTopic(topic.name(), Optional.of(topic.partitions()), Optional.empty())
                        .configs(topic.configs()));
            }
        }
        return missing;
    }

    /** A KRaft cluster answers before its broker is registered and unfenced: creating a topic then is refused. */
    private static boolean isStillStarting(Throwable refusal) {
        return refusal instanceof RetriableException || refusal instanceof InvalidReplicationFactorException;
    }
}
