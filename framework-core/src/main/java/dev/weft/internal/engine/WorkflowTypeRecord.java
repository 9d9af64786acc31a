package dev.weft.internal.engine;

import java.time.Instant;
import software.amazon.awssdk.services.swf.model.WorkflowType;
import software.amazon.awssdk.services.swf.model.WorkflowTypeConfiguration;
import software.amazon.awssdk.services.swf.model.WorkflowTypeInfo;

/** A registered workflow type. */
final class WorkflowTypeRecord extends TypeRecord {
    final WorkflowType type;
    final WorkflowTypeConfiguration configuration;

    WorkflowTypeRecord(TypeKey key, String description, Instant created, WorkflowTypeConfiguration configuration) {
        super(key, description, created);
        this.type =
                WorkflowType.builder().name(key.name()).version(key.version()).build();
        this.configuration = configuration;
    }

    @Override
    String kind() {
        return "WorkflowType";
    }

    synchronized WorkflowTypeInfo info() {
        return WorkflowTypeInfo.builder()
                .workflowType(type)
                .status(status())
                .description(description)
                .creationDate(created)
                .deprecationDate(deprecationDate())
                .build();
    }
}
