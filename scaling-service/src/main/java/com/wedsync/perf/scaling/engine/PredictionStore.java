package com.wedsync.perf.scaling.engine;

import com.wedsync.perf.scaling.forecast.Forecast;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Every forecast made (the spec's {@code scaling_prediction_sets}) with its hours, kept to be scored later. */
@ApplicationScoped
public class PredictionStore implements PanacheRepositoryBase<PredictionSetRecord, UUID> {

    /** A stored forecast and the digest of the inputs it was made from. */
    public record Stored(UUID id, Forecast forecast, String inputsDigest) {
    }

    @Transactional
    public UUID save(Forecast forecast, String inputsDigest) {
        PredictionSetRecord set = new PredictionSetRecord();
        set.id = UUID.randomUUID();
        set.tenant = forecast.tenant();
        set.generatedAt = forecast.generatedAt();
        set.firstHour = forecast.firstHour();
        set.hours = forecast.hours().size();
        set.basis = forecast.basis();
        set.inputsDigest = inputsDigest;
        persist(set);
        forecast.hours().forEach(h -> getEntityManager().persist(PredictionHourRecord.of(set.id, forecast.tenant(), h)));
        return set.id;
    }

    /** Removes forecasts made before {@code before} (their hours and recommendations with them); answers how many. */
    @Transactional
    public int forget(Instant before) {
        return (int) delete("generatedAt < ?1", before);
    }

    /** The inputs digest of the tenant's latest forecast. */
    @Transactional
    public Optional<String> latestDigest(String tenant) {
        return newest(tenant).map(set -> set.inputsDigest);
    }

    @Transactional
    public Optional<Stored> latest(String tenant) {
        return newest(tenant).map(set -> {
            List<PredictionHourRecord> hours = getEntityManager().createQuery("from PredictionHourRecord where setId = :set "
                    + "order by hour", PredictionHourRecord.class).setParameter("set", set.id).getResultList();
            return new Stored(set.id, new Forecast(tenant, set.generatedAt, set.firstHour, set.basis,
                    hours.stream().map(PredictionHourRecord::toHour).toList()), set.inputsDigest);
        });
    }

    private Optional<PredictionSetRecord> newest(String tenant) {
        return find("tenant", Sort.descending("generatedAt"), tenant).firstResultOptional();
    }
}
