package dev.weft.internal.engine;

import java.time.Instant;
import software.amazon.awssdk.services.swf.model.RegistrationStatus;

/**
 * What activity and workflow types have in common: identity, description, creation date and
 * registration status. The status is guarded by the record's monitor.
 */
abstract class TypeRecord {
    final TypeKey key;
    final String description;
    final Instant created;
    private RegistrationStatus status = RegistrationStatus.REGISTERED;
    private Instant deprecated;

    TypeRecord(TypeKey key, String description, Instant created) {
        this.key = key;
        this.description = description;
        this.created = created;
    }

    /** "ActivityType" or "WorkflowType", as SWF names the kind in its messages. */
    abstract String kind();

    /** The type as SWF's messages name it: {@code ActivityType=[name=charge, version=1]}. */
    final String label() {
        return kind() + "=" + key;
    }

    final synchronized RegistrationStatus status() {
        return status;
    }

    final synchronized Instant deprecationDate() {
        return deprecated;
    }

    final synchronized void status(RegistrationStatus status, Instant when) {
        this.status = status;
        this.deprecated = status == RegistrationStatus.DEPRECATED ? when : null;
    }
}
