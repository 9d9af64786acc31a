package dev.weft.internal.engine;

import java.time.Instant;
import software.amazon.awssdk.services.swf.model.RegistrationStatus;
import software.amazon.awssdk.services.swf.model.WorkflowType;
import software.amazon.awssdk.services.swf.model.WorkflowTypeConfiguration;
import software.amazon.awssdk.services.swf.model.WorkflowTypeInfo;

/** A registered workflow type. Mutable fields are guarded by the record's monitor. */
final class WorkflowTypeRecord {
    final TypeKey key;
    final WorkflowType type;
    final String description;
    final Instant created;
    final WorkflowTypeConfiguration configuration;
    private RegistrationStatus status = RegistrationStatus.REGISTERED;
    private Instant deprecated;

    WorkflowTypeRecord(TypeKey key, String description, Instant created, WorkflowTypeConfiguration configuration) {
        this.key = key;
        this.type =
                WorkflowType.builder().name(key.name()).version(key.version()).build();
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

    synchronized WorkflowTypeInfo info() {
        return WorkflowTypeInfo.builder()
                .workflowType(type)
                .status(status)
                .description(description)
                .creationDate(created)
                .deprecationDate(deprecated)
                .build();
    }
}
