package dev.weft.internal.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.concurrent.ConcurrentSkipListMap;
import software.amazon.awssdk.services.swf.model.ActivityType;
import software.amazon.awssdk.services.swf.model.ActivityTypeConfiguration;
import software.amazon.awssdk.services.swf.model.ActivityTypeInfo;
import software.amazon.awssdk.services.swf.model.ChildPolicy;
import software.amazon.awssdk.services.swf.model.DeleteActivityTypeRequest;
import software.amazon.awssdk.services.swf.model.DeleteWorkflowTypeRequest;
import software.amazon.awssdk.services.swf.model.DeprecateActivityTypeRequest;
import software.amazon.awssdk.services.swf.model.DeprecateDomainRequest;
import software.amazon.awssdk.services.swf.model.DeprecateWorkflowTypeRequest;
import software.amazon.awssdk.services.swf.model.DescribeActivityTypeRequest;
import software.amazon.awssdk.services.swf.model.DescribeActivityTypeResponse;
import software.amazon.awssdk.services.swf.model.DescribeDomainRequest;
import software.amazon.awssdk.services.swf.model.DescribeDomainResponse;
import software.amazon.awssdk.services.swf.model.DescribeWorkflowTypeRequest;
import software.amazon.awssdk.services.swf.model.DescribeWorkflowTypeResponse;
import software.amazon.awssdk.services.swf.model.DomainConfiguration;
import software.amazon.awssdk.services.swf.model.DomainInfo;
import software.amazon.awssdk.services.swf.model.ListActivityTypesRequest;
import software.amazon.awssdk.services.swf.model.ListActivityTypesResponse;
import software.amazon.awssdk.services.swf.model.ListDomainsRequest;
import software.amazon.awssdk.services.swf.model.ListDomainsResponse;
import software.amazon.awssdk.services.swf.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.swf.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.swf.model.ListWorkflowTypesRequest;
import software.amazon.awssdk.services.swf.model.ListWorkflowTypesResponse;
import software.amazon.awssdk.services.swf.model.RegisterActivityTypeRequest;
import software.amazon.awssdk.services.swf.model.RegisterDomainRequest;
import software.amazon.awssdk.services.swf.model.RegisterWorkflowTypeRequest;
import software.amazon.awssdk.services.swf.model.RegistrationStatus;
import software.amazon.awssdk.services.swf.model.ResourceTag;
import software.amazon.awssdk.services.swf.model.TagResourceRequest;
import software.amazon.awssdk.services.swf.model.UndeprecateActivityTypeRequest;
import software.amazon.awssdk.services.swf.model.UndeprecateDomainRequest;
import software.amazon.awssdk.services.swf.model.UndeprecateWorkflowTypeRequest;
import software.amazon.awssdk.services.swf.model.UntagResourceRequest;
import software.amazon.awssdk.services.swf.model.WorkflowType;
import software.amazon.awssdk.services.swf.model.WorkflowTypeConfiguration;
import software.amazon.awssdk.services.swf.model.WorkflowTypeInfo;

/** Domains, types and tags: registration, description, listing, deprecation, deletion. */
final class Registry {
    static final int MAX_DOMAINS = 100;
    static final int MAX_TYPES = 10_000;
    static final int MAX_DOMAIN_TAGS = 50;

    private final Engine engine;
    private final ConcurrentSkipListMap<String, Domain> domains = new ConcurrentSkipListMap<>();

    Registry(Engine engine) {
        this.engine = engine;
    }

    Iterable<Domain> domains() {
        return domains.values();
    }

    /** The domain, or UnknownResource. */
    Domain domain(String name) {
        Domain d = domains.get(name);
        if (d == null) {
            throw Faults.unknownResource("Unknown domain: " + name);
        }
        return d;
    }

    /** The domain, refusing a deprecated one (it cannot start executions or register types). */
    Domain usableDomain(String name) {
        Domain d = domain(name);
        if (d.deprecated()) {
            throw Faults.domainDeprecated(name);
        }
        return d;
    }

    // ---------------------------------------------------------------------------------------
    // Domains

    void registerDomain(RegisterDomainRequest r) {
        Check c = new Check()
                .name("name", r.name())
                .length("description", r.description(), Check.DESCRIPTION_MAX)
                .length("workflowExecutionRetentionPeriodInDays", r.workflowExecutionRetentionPeriodInDays(), 1, 8);
        String retention = r.workflowExecutionRetentionPeriodInDays();
        if (retention != null && !c.failed()) {
            long days = Durations.parse(retention, true);
            if (days == Durations.INVALID || days > 90) {
                c.fail(
                        "workflowExecutionRetentionPeriodInDays",
                        retention,
                        "Member must be NONE or a whole number of days from 0 to 90");
            }
        }
        Map<String, String> tags = checkTags(c, "tags", r.tags());
        c.done();
        if (tags.size() > MAX_DOMAIN_TAGS) {
            throw Faults.tooManyTags(
                    "A domain may have at most " + MAX_DOMAIN_TAGS + " tags, but " + tags.size() + " were given");
        }
        synchronized (domains) {
            if (domains.containsKey(r.name())) {
                throw Faults.domainAlreadyExists(r.name());
            }
            if (domains.size() >= MAX_DOMAINS) {
                throw Faults.limitExceeded("Cannot register domain " + r.name() + ": the account already has "
                        + MAX_DOMAINS + " domains (registered and deprecated)");
            }
            Domain d = new Domain(r.name(), r.description(), retention, engine.arn(r.name()), now());
            d.replaceTags(tags);
            domains.put(r.name(), d);
        }
    }

    DescribeDomainResponse describeDomain(DescribeDomainRequest r) {
        new Check().length("name", r.name(), 1, Check.NAME_MAX).done();
        Domain d = domain(r.name());
        return DescribeDomainResponse.builder()
                .domainInfo(info(d))
                .configuration(DomainConfiguration.builder()
                        .workflowExecutionRetentionPeriodInDays(d.retention)
                        .build())
                .build();
    }

    private static DomainInfo info(Domain d) {
        return DomainInfo.builder()
                .name(d.name)
                .status(d.status())
                .description(d.description)
                .arn(d.arn)
                .build();
    }

    ListDomainsResponse listDomains(ListDomainsRequest r) {
        Check c = new Check()
                .required("registrationStatus", r.registrationStatusAsString())
                .pageSize("maximumPageSize", r.maximumPageSize())
                .length("nextPageToken", r.nextPageToken(), Check.PAGE_TOKEN_MAX);
        registrationStatus(c, r.registrationStatusAsString());
        c.done();
        int fingerprint = Objects.hash(r.registrationStatusAsString(), Boolean.TRUE.equals(r.reverseOrder()));
        Paging.Page<DomainInfo> page = engine.paging.page(
                "ListDomains",
                fingerprint,
                domains,
                r.nextPageToken(),
                r.maximumPageSize(),
                Boolean.TRUE.equals(r.reverseOrder()),
                d -> d.status() == r.registrationStatus(),
                Registry::info,
                k -> k,
                s -> s);
        return ListDomainsResponse.builder()
                .domainInfos(page.items())
                .nextPageToken(page.nextPageToken())
                .build();
    }

    void deprecateDomain(DeprecateDomainRequest r) {
        new Check().length("name", r.name(), 1, Check.NAME_MAX).done();
        Domain d = domain(r.name());
        Instant now = now();
        synchronized (d) {
            if (d.deprecated()) {
                throw Faults.domainDeprecated(r.name());
            }
            d.status(RegistrationStatus.DEPRECATED);
        }
        // Deprecating a domain deprecates every type registered in it.
        for (WorkflowTypeRecord t : d.workflowTypes.values()) {
            synchronized (t) {
                if (t.status() == RegistrationStatus.REGISTERED) {
                    t.status(RegistrationStatus.DEPRECATED, now);
                }
            }
        }
        for (ActivityTypeRecord t : d.activityTypes.values()) {
            synchronized (t) {
                if (t.status() == RegistrationStatus.REGISTERED) {
                    t.status(RegistrationStatus.DEPRECATED, now);
                }
            }
        }
    }

    void undeprecateDomain(UndeprecateDomainRequest r) {
        new Check().length("name", r.name(), 1, Check.NAME_MAX).done();
        Domain d = domain(r.name());
        synchronized (d) {
            if (!d.deprecated()) {
                throw Faults.domainAlreadyExists(r.name());
            }
            d.status(RegistrationStatus.REGISTERED);
        }
    }

    // ---------------------------------------------------------------------------------------
    // Tags

    void tagResource(TagResourceRequest r) {
        Check c = new Check().length("resourceArn", r.resourceArn(), 1, 1600);
        c.required("tags", r.hasTags() ? r.tags() : null);
        Map<String, String> tags = checkTags(c, "tags", r.tags());
        c.done();
        Domain d = domainByArn(r.resourceArn());
        synchronized (d) {
            Map<String, String> merged = d.tags();
            merged.putAll(tags);
            if (merged.size() > MAX_DOMAIN_TAGS) {
                throw Faults.tooManyTags("A domain may have at most " + MAX_DOMAIN_TAGS + " tags; " + r.resourceArn()
                        + " would have " + merged.size());
            }
            d.replaceTags(merged);
        }
    }

    void untagResource(UntagResourceRequest r) {
        Check c = new Check().length("resourceArn", r.resourceArn(), 1, 1600);
        c.required("tagKeys", r.hasTagKeys() ? r.tagKeys() : null);
        if (r.hasTagKeys()) {
            int i = 1;
            for (String key : r.tagKeys()) {
                c.length("tagKeys." + i++ + ".member", key, 1, 128);
            }
        }
        c.done();
        Domain d = domainByArn(r.resourceArn());
        synchronized (d) {
            Map<String, String> tags = d.tags();
            r.tagKeys().forEach(tags::remove);
            d.replaceTags(tags);
        }
    }

    ListTagsForResourceResponse listTagsForResource(ListTagsForResourceRequest r) {
        new Check().length("resourceArn", r.resourceArn(), 1, 1600).done();
        Domain d = domainByArn(r.resourceArn());
        List<ResourceTag> tags = new ArrayList<>();
        d.tags()
                .forEach(
                        (k, v) -> tags.add(ResourceTag.builder().key(k).value(v).build()));
        return ListTagsForResourceResponse.builder().tags(tags).build();
    }

    private Domain domainByArn(String arn) {
        String prefix = engine.arn("");
        if (arn.startsWith(prefix)) {
            Domain d = domains.get(arn.substring(prefix.length()));
            if (d != null) {
                return d;
            }
        }
        throw Faults.unknownResource("Unknown resource: " + arn);
    }

    /** Validates tags (key 1..128, value 0..256, SWF's characters) and returns them as a map. */
    private static Map<String, String> checkTags(Check c, String path, List<ResourceTag> tags) {
        Map<String, String> map = new LinkedHashMap<>();
        if (tags == null) {
            return map;
        }
        int i = 1;
        for (ResourceTag tag : tags) {
            String at = path + "." + i++ + ".member";
            if (tag == null) {
                c.fail(at, null, "Member must not be null");
                continue;
            }
            c.length(at + ".key", tag.key(), 1, 128).length(at + ".value", tag.value(), 256);
            if (tag.key() != null && !tagText(tag.key())) {
                c.fail(at + ".key", tag.key(), TAG_CHARACTERS);
            }
            if (tag.value() != null && !tagText(tag.value())) {
                c.fail(at + ".value", tag.value(), TAG_CHARACTERS);
            }
            if (tag.key() != null) {
                map.put(tag.key(), tag.value() == null ? "" : tag.value());
            }
        }
        return map;
    }

    private static final String TAG_CHARACTERS =
            "Member must contain only letters, digits, whitespace and the characters _ . : / = + - @";

    private static boolean tagText(String s) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (!(Character.isLetter(cp)
                    || Character.isDigit(cp)
                    || Character.isWhitespace(cp)
                    || Character.isSpaceChar(cp)
                    || "_.:/=+-@".indexOf(cp) >= 0)) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------------------------------
    // Activity types

    void registerActivityType(RegisterActivityTypeRequest r) {
        Check c = new Check()
                .length("domain", r.domain(), 1, Check.NAME_MAX)
                .name("name", r.name())
                .version("version", r.version())
                .length("description", r.description(), Check.DESCRIPTION_MAX)
                .duration("defaultTaskStartToCloseTimeout", r.defaultTaskStartToCloseTimeout(), true, false)
                .duration("defaultTaskHeartbeatTimeout", r.defaultTaskHeartbeatTimeout(), true, false)
                .optionalTaskList("defaultTaskList", r.defaultTaskList())
                .priority("defaultTaskPriority", r.defaultTaskPriority())
                .duration("defaultTaskScheduleToStartTimeout", r.defaultTaskScheduleToStartTimeout(), true, false)
                .duration("defaultTaskScheduleToCloseTimeout", r.defaultTaskScheduleToCloseTimeout(), true, false);
        c.done();
        Domain d = usableDomain(r.domain());
        TypeKey key = new TypeKey(r.name(), r.version());
        ActivityTypeConfiguration config = ActivityTypeConfiguration.builder()
                .defaultTaskStartToCloseTimeout(r.defaultTaskStartToCloseTimeout())
                .defaultTaskHeartbeatTimeout(r.defaultTaskHeartbeatTimeout())
                .defaultTaskList(r.defaultTaskList())
                .defaultTaskPriority(r.defaultTaskPriority())
                .defaultTaskScheduleToStartTimeout(r.defaultTaskScheduleToStartTimeout())
                .defaultTaskScheduleToCloseTimeout(r.defaultTaskScheduleToCloseTimeout())
                .build();
        register(d, d.activityTypes, new ActivityTypeRecord(key, r.description(), now(), config));
    }

    DescribeActivityTypeResponse describeActivityType(DescribeActivityTypeRequest r) {
        Check c = new Check().length("domain", r.domain(), 1, Check.NAME_MAX);
        checkActivityType(c, "activityType", r.activityType());
        c.done();
        ActivityTypeRecord t = activityType(domain(r.domain()), r.activityType());
        return DescribeActivityTypeResponse.builder()
                .typeInfo(t.info())
                .configuration(t.configuration)
                .build();
    }

    ListActivityTypesResponse listActivityTypes(ListActivityTypesRequest r) {
        Check c = new Check()
                .length("domain", r.domain(), 1, Check.NAME_MAX)
                .length("name", r.name(), Check.NAME_MAX)
                .required("registrationStatus", r.registrationStatusAsString())
                .pageSize("maximumPageSize", r.maximumPageSize())
                .length("nextPageToken", r.nextPageToken(), Check.PAGE_TOKEN_MAX);
        registrationStatus(c, r.registrationStatusAsString());
        c.done();
        Domain d = domain(r.domain());
        boolean reverse = Boolean.TRUE.equals(r.reverseOrder());
        int fingerprint = Objects.hash(r.domain(), r.name(), r.registrationStatusAsString(), reverse);
        Paging.Page<ActivityTypeInfo> page = engine.paging.page(
                "ListActivityTypes",
                fingerprint,
                narrow(d.activityTypes, r.name()),
                r.nextPageToken(),
                r.maximumPageSize(),
                reverse,
                t -> t.status() == r.registrationStatus(),
                ActivityTypeRecord::info,
                Registry::typeKeyText,
                Registry::parseTypeKey);
        return ListActivityTypesResponse.builder()
                .typeInfos(page.items())
                .nextPageToken(page.nextPageToken())
                .build();
    }

    void deprecateActivityType(DeprecateActivityTypeRequest r) {
        Check c = new Check().length("domain", r.domain(), 1, Check.NAME_MAX);
        checkActivityType(c, "activityType", r.activityType());
        c.done();
        deprecate(activityType(domain(r.domain()), r.activityType()));
    }

    void undeprecateActivityType(UndeprecateActivityTypeRequest r) {
        Check c = new Check().length("domain", r.domain(), 1, Check.NAME_MAX);
        checkActivityType(c, "activityType", r.activityType());
        c.done();
        undeprecate(activityType(domain(r.domain()), r.activityType()));
    }

    void deleteActivityType(DeleteActivityTypeRequest r) {
        Check c = new Check().length("domain", r.domain(), 1, Check.NAME_MAX);
        checkActivityType(c, "activityType", r.activityType());
        c.done();
        Domain d = domain(r.domain());
        delete(d.activityTypes, activityType(d, r.activityType()));
    }

    /** The registered (or deprecated) activity type, or UnknownResource. */
    ActivityTypeRecord activityType(Domain d, ActivityType type) {
        ActivityTypeRecord t = d.activityTypes.get(new TypeKey(type.name(), type.version()));
        if (t == null) {
            throw Faults.unknownResource(
                    "Unknown type: ActivityType=[name=" + type.name() + ", version=" + type.version() + "]");
        }
        return t;
    }

    static void checkActivityType(Check c, String path, ActivityType type) {
        if (type == null) {
            c.fail(path, null, "Member must not be null");
            return;
        }
        c.length(path + ".name", type.name(), 1, Check.NAME_MAX)
                .length(path + ".version", type.version(), 1, Check.VERSION_MAX);
    }

    // ---------------------------------------------------------------------------------------
    // Workflow types

    void registerWorkflowType(RegisterWorkflowTypeRequest r) {
        Check c = new Check()
                .length("domain", r.domain(), 1, Check.NAME_MAX)
                .name("name", r.name())
                .version("version", r.version())
                .length("description", r.description(), Check.DESCRIPTION_MAX)
                .duration("defaultTaskStartToCloseTimeout", r.defaultTaskStartToCloseTimeout(), true, false)
                .duration("defaultExecutionStartToCloseTimeout", r.defaultExecutionStartToCloseTimeout(), false, false)
                .optionalTaskList("defaultTaskList", r.defaultTaskList())
                .priority("defaultTaskPriority", r.defaultTaskPriority())
                .optional("defaultLambdaRole", r.defaultLambdaRole(), 1, 1600);
        childPolicy(c, "defaultChildPolicy", r.defaultChildPolicyAsString());
        c.done();
        Domain d = usableDomain(r.domain());
        TypeKey key = new TypeKey(r.name(), r.version());
        WorkflowTypeConfiguration config = WorkflowTypeConfiguration.builder()
                .defaultTaskStartToCloseTimeout(r.defaultTaskStartToCloseTimeout())
                .defaultExecutionStartToCloseTimeout(r.defaultExecutionStartToCloseTimeout())
                .defaultTaskList(r.defaultTaskList())
                .defaultTaskPriority(r.defaultTaskPriority())
                .defaultChildPolicy(r.defaultChildPolicyAsString())
                .defaultLambdaRole(r.defaultLambdaRole())
                .build();
        register(d, d.workflowTypes, new WorkflowTypeRecord(key, r.description(), now(), config));
    }

    DescribeWorkflowTypeResponse describeWorkflowType(DescribeWorkflowTypeRequest r) {
        Check c = new Check().length("domain", r.domain(), 1, Check.NAME_MAX);
        checkWorkflowType(c, "workflowType", r.workflowType());
        c.done();
        WorkflowTypeRecord t = workflowType(domain(r.domain()), r.workflowType());
        return DescribeWorkflowTypeResponse.builder()
                .typeInfo(t.info())
                .configuration(t.configuration)
                .build();
    }

    ListWorkflowTypesResponse listWorkflowTypes(ListWorkflowTypesRequest r) {
        Check c = new Check()
                .length("domain", r.domain(), 1, Check.NAME_MAX)
                .length("name", r.name(), Check.NAME_MAX)
                .required("registrationStatus", r.registrationStatusAsString())
                .pageSize("maximumPageSize", r.maximumPageSize())
                .length("nextPageToken", r.nextPageToken(), Check.PAGE_TOKEN_MAX);
        registrationStatus(c, r.registrationStatusAsString());
        c.done();
        Domain d = domain(r.domain());
        boolean reverse = Boolean.TRUE.equals(r.reverseOrder());
        int fingerprint = Objects.hash(r.domain(), r.name(), r.registrationStatusAsString(), reverse);
        Paging.Page<WorkflowTypeInfo> page = engine.paging.page(
                "ListWorkflowTypes",
                fingerprint,
                narrow(d.workflowTypes, r.name()),
                r.nextPageToken(),
                r.maximumPageSize(),
                reverse,
                t -> t.status() == r.registrationStatus(),
                WorkflowTypeRecord::info,
                Registry::typeKeyText,
                Registry::parseTypeKey);
        return ListWorkflowTypesResponse.builder()
                .typeInfos(page.items())
                .nextPageToken(page.nextPageToken())
                .build();
    }

    void deprecateWorkflowType(DeprecateWorkflowTypeRequest r) {
        Check c = new Check().length("domain", r.domain(), 1, Check.NAME_MAX);
        checkWorkflowType(c, "workflowType", r.workflowType());
        c.done();
        deprecate(workflowType(domain(r.domain()), r.workflowType()));
    }

    void undeprecateWorkflowType(UndeprecateWorkflowTypeRequest r) {
        Check c = new Check().length("domain", r.domain(), 1, Check.NAME_MAX);
        checkWorkflowType(c, "workflowType", r.workflowType());
        c.done();
        undeprecate(workflowType(domain(r.domain()), r.workflowType()));
    }

    void deleteWorkflowType(DeleteWorkflowTypeRequest r) {
        Check c = new Check().length("domain", r.domain(), 1, Check.NAME_MAX);
        checkWorkflowType(c, "workflowType", r.workflowType());
        c.done();
        Domain d = domain(r.domain());
        delete(d.workflowTypes, workflowType(d, r.workflowType()));
    }

    /** The registered (or deprecated) workflow type, or UnknownResource. */
    WorkflowTypeRecord workflowType(Domain d, WorkflowType type) {
        WorkflowTypeRecord t = d.workflowTypes.get(new TypeKey(type.name(), type.version()));
        if (t == null) {
            throw Faults.unknownResource(
                    "Unknown type: WorkflowType=[name=" + type.name() + ", version=" + type.version() + "]");
        }
        return t;
    }

    static void checkWorkflowType(Check c, String path, WorkflowType type) {
        if (type == null) {
            c.fail(path, null, "Member must not be null");
            return;
        }
        c.length(path + ".name", type.name(), 1, Check.NAME_MAX)
                .length(path + ".version", type.version(), 1, Check.VERSION_MAX);
    }

    // ---------------------------------------------------------------------------------------
    // What activity and workflow types share

    private Instant now() {
        return Instant.ofEpochMilli(engine.nowMillis());
    }

    private static <T extends TypeRecord> void register(Domain d, Map<TypeKey, T> types, T type) {
        synchronized (types) {
            if (types.containsKey(type.key)) {
                throw Faults.typeAlreadyExists(type.label());
            }
            if (types.size() >= MAX_TYPES) {
                throw Faults.limitExceeded("Cannot register " + type.label() + ": domain " + d.name + " already has "
                        + MAX_TYPES + " " + type.kind() + "s");
            }
            types.put(type.key, type);
        }
    }

    private void deprecate(TypeRecord t) {
        synchronized (t) {
            if (t.status() == RegistrationStatus.DEPRECATED) {
                throw Faults.typeDeprecated(t.label());
            }
            t.status(RegistrationStatus.DEPRECATED, now());
        }
    }

    private static void undeprecate(TypeRecord t) {
        synchronized (t) {
            if (t.status() == RegistrationStatus.REGISTERED) {
                throw Faults.typeAlreadyExists(t.label());
            }
            t.status(RegistrationStatus.REGISTERED, null);
        }
    }

    private static <T extends TypeRecord> void delete(Map<TypeKey, T> types, T t) {
        synchronized (t) {
            if (t.status() != RegistrationStatus.DEPRECATED) {
                throw Faults.typeNotDeprecated(t.label() + " is not deprecated; deprecate it before deleting it");
            }
            types.remove(t.key, t);
        }
    }

    // ---------------------------------------------------------------------------------------
    // Shared checks and paging

    static void registrationStatus(Check c, String value) {
        if (value != null && RegistrationStatus.fromValue(value) == RegistrationStatus.UNKNOWN_TO_SDK_VERSION) {
            c.fail("registrationStatus", value, "Member must satisfy enum value set: [REGISTERED, DEPRECATED]");
        }
    }

    static void childPolicy(Check c, String path, String value) {
        if (value != null && ChildPolicy.fromValue(value) == ChildPolicy.UNKNOWN_TO_SDK_VERSION) {
            c.fail(path, value, "Member must satisfy enum value set: [TERMINATE, REQUEST_CANCEL, ABANDON]");
        }
    }

    private static <V> NavigableMap<TypeKey, V> narrow(ConcurrentSkipListMap<TypeKey, V> all, String name) {
        if (name == null) {
            return all;
        }
        return all.subMap(new TypeKey(name, ""), true, new TypeKey(name + "\0", ""), false);
    }

    private static String typeKeyText(TypeKey k) {
        return k.name() + '\n' + k.version();
    }

    private static TypeKey parseTypeKey(String s) {
        int nl = s.indexOf('\n');
        return new TypeKey(s.substring(0, nl), s.substring(nl + 1));
    }
}
