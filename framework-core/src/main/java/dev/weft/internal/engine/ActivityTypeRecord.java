package dev.weft.internal.engine;

import java.time.Instant;
import software.amazon.awssdk.services.swf.model.ActivityType;
import software.amazon.awssdk.services.swf.model.ActivityTypeConfiguration;
import software.amazon.awssdk.services.swf.model.ActivityTypeInfo;
import software.amazon.awssdk.services.swf.model.RegistrationStatus;

/** A registered activity type. Mutable fields are guarded by the record's monitor. */
final class ActivityTypeRecord {
    final TypeKey key;
    final ActivityType type;
    final String description;
    final Instant created;
    final ActivityTypeConfiguration configuration;
    private RegistrationStatus status = RegistrationStatus.REGISTERED;
    private Instant deprecated;

    ActivityTypeRecord(TypeKey key, String description, Instant created, ActivityTypeConfiguration configuration) {
        this.key = key;
        this.type =
                ActivityType.builder().name(key.name()).version(key.version()).build();
        this.description = description;
        this.created = created;
        this.configuration = configuration;
    }

    synchronized RegistrationStatus status() {
        return status;
    }

    synchronized void status(RegistrationStatus status, Instant when) {
        this.status = status;
        this.deprecated = status == RegistrationStatus.DEPRECATED ? when : null;
    }

    synchronized ActivityTypeInfo info() {
        return ActivityTypeInfo.builder()
                .activityType(type)
                .status(status)
                .description(description)
                .creationDate(created)
                .deprecationDate(deprecated)
                .build();
    }
}
