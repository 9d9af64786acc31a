package dev.weft.internal.engine;

import java.time.Instant;
import software.amazon.awssdk.services.swf.model.ActivityType;
import software.amazon.awssdk.services.swf.model.ActivityTypeConfiguration;
import software.amazon.awssdk.services.swf.model.ActivityTypeInfo;

/** A registered activity type. */
final class ActivityTypeRecord extends TypeRecord {
    final ActivityType type;
    final ActivityTypeConfiguration configuration;

    ActivityTypeRecord(TypeKey key, String description, Instant created, ActivityTypeConfiguration configuration) {
        super(key, description, created);
        this.type =
                ActivityType.builder().name(key.name()).version(key.version()).build();
        this.configuration = configuration;
    }

    @Override
    String kind() {
        return "ActivityType";
    }

    synchronized ActivityTypeInfo info() {
        return ActivityTypeInfo.builder()
                .activityType(type)
                .status(status())
                .description(description)
                .creationDate(created)
                .deprecationDate(deprecationDate())
                .build();
    }
}
