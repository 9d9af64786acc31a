package dev.weft.engine;

import static dev.weft.engine.EngineTesting.T0;
import static dev.weft.engine.Faults.assertFault;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.services.swf.model.ActivityType;
import software.amazon.awssdk.services.swf.model.ActivityTypeConfiguration;
import software.amazon.awssdk.services.swf.model.ActivityTypeInfo;
import software.amazon.awssdk.services.swf.model.ChildPolicy;
import software.amazon.awssdk.services.swf.model.DescribeDomainResponse;
import software.amazon.awssdk.services.swf.model.DomainAlreadyExistsException;
import software.amazon.awssdk.services.swf.model.DomainConfiguration;
import software.amazon.awssdk.services.swf.model.DomainDeprecatedException;
import software.amazon.awssdk.services.swf.model.DomainInfo;
import software.amazon.awssdk.services.swf.model.LimitExceededException;
import software.amazon.awssdk.services.swf.model.ListActivityTypesRequest;
import software.amazon.awssdk.services.swf.model.ListActivityTypesResponse;
import software.amazon.awssdk.services.swf.model.ListDomainsResponse;
import software.amazon.awssdk.services.swf.model.ListWorkflowTypesRequest;
import software.amazon.awssdk.services.swf.model.ListWorkflowTypesResponse;
import software.amazon.awssdk.services.swf.model.RegistrationStatus;
import software.amazon.awssdk.services.swf.model.ResourceTag;
import software.amazon.awssdk.services.swf.model.SwfException;
import software.amazon.awssdk.services.swf.model.TaskList;
import software.amazon.awssdk.services.swf.model.TooManyTagsException;
import software.amazon.awssdk.services.swf.model.TypeAlreadyExistsException;
import software.amazon.awssdk.services.swf.model.TypeDeprecatedException;
import software.amazon.awssdk.services.swf.model.TypeNotDeprecatedException;
import software.amazon.awssdk.services.swf.model.UnknownResourceException;
import software.amazon.awssdk.services.swf.model.WorkflowType;
import software.amazon.awssdk.services.swf.model.WorkflowTypeConfiguration;
import software.amazon.awssdk.services.swf.model.WorkflowTypeInfo;

/**
 * Domains, workflow types, activity types and domain tags, driven through SwfClient calls only:
 * registration, description, listing and paging, deprecation, undeprecation, deletion, faults and
 * quotas.
 */
final class RegistryTest {
    private static final String ARN_PREFIX = "arn:aws:swf:us-east-1:123456789012:/domain/";
    private static final String SHOP = "shop";

    // ---------------------------------------------------------------------------------------
    // Domains

    @Test
    void registeredDomainIsDescribedWithNameStatusDescriptionArnAndRetention() {
        try (SwfEngine swf = engine()) {
            swf.registerDomain(
                    r -> r.name("orders").description("Order processing").workflowExecutionRetentionPeriodInDays("7"));
            swf.registerDomain(r -> r.name("bare").workflowExecutionRetentionPeriodInDays("NONE"));

            DescribeDomainResponse orders = swf.describeDomain(r -> r.name("orders"));
            assertEquals(
                    DomainInfo.builder()
                            .name("orders")
                            .status(RegistrationStatus.REGISTERED)
                            .description("Order processing")
                            .arn("arn:aws:swf:us-east-1:123456789012:/domain/orders")
                            .build(),
                    orders.domainInfo());
            assertEquals(
                    DomainConfiguration.builder()
                            .workflowExecutionRetentionPeriodInDays("7")
                            .build(),
                    orders.configuration());

            DescribeDomainResponse bare = swf.describeDomain(r -> r.name("bare"));
            assertEquals(domainInfo("bare", RegistrationStatus.REGISTERED, null), bare.domainInfo());
            assertEquals(
                    DomainConfiguration.builder()
                            .workflowExecutionRetentionPeriodInDays("NONE")
                            .build(),
                    bare.configuration());
        }
    }

    @Test
    void domainsAreListedByStatusInAscendingNameOrderOrReversed() {
        try (SwfEngine swf = engine()) {
            for (String name : List.of("delta", "alpha", "echo", "charlie", "bravo", "foxtrot")) {
                registerDomain(swf, name);
            }
            swf.deprecateDomain(r -> r.name("charlie"));
            swf.deprecateDomain(r -> r.name("foxtrot"));

            ListDomainsResponse registered = swf.listDomains(r -> r.registrationStatus(RegistrationStatus.REGISTERED));
            assertEquals(
                    List.of(
                            domainInfo("alpha", RegistrationStatus.REGISTERED, "Domain alpha"),
                            domainInfo("bravo", RegistrationStatus.REGISTERED, "Domain bravo"),
                            domainInfo("delta", RegistrationStatus.REGISTERED, "Domain delta"),
                            domainInfo("echo", RegistrationStatus.REGISTERED, "Domain echo")),
                    registered.domainInfos());
            assertNull(registered.nextPageToken());

            ListDomainsResponse deprecated = swf.listDomains(r -> r.registrationStatus(RegistrationStatus.DEPRECATED));
            assertEquals(
                    List.of(
                            domainInfo("charlie", RegistrationStatus.DEPRECATED, "Domain charlie"),
                            domainInfo("foxtrot", RegistrationStatus.DEPRECATED, "Domain foxtrot")),
                    deprecated.domainInfos());
            assertNull(deprecated.nextPageToken());

            assertEquals(
                    List.of("echo", "delta", "bravo", "alpha"),
                    domainNames(swf.listDomains(r -> r.registrationStatus(RegistrationStatus.REGISTERED)
                                    .reverseOrder(true))
                            .domainInfos()));
            assertEquals(
                    List.of("foxtrot", "charlie"),
                    domainNames(swf.listDomains(r -> r.registrationStatus(RegistrationStatus.DEPRECATED)
                                    .reverseOrder(true))
                            .domainInfos()));
        }
    }

    @Test
    void domainListingPagesWithoutDuplicatesOrGapsAndTheLastPageHasNoToken() {
        try (SwfEngine swf = engine()) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < 23; i++) {
                names.add(String.format("d%02d", i));
            }
            // Registration order differs from name order, so the listing must sort.
            for (int i = 0; i < 23; i++) {
                registerDomain(swf, names.get(i * 7 % 23));
            }
            List<String> reversed = new ArrayList<>(names);
            Collections.reverse(reversed);

            for (int size : new int[] {1, 4, 5, 22, 23, 1000}) {
                assertEquals(partition(names, size), domainPages(swf, RegistrationStatus.REGISTERED, size, false));
                assertEquals(partition(reversed, size), domainPages(swf, RegistrationStatus.REGISTERED, size, true));
            }
            assertEquals(List.of(names), domainPages(swf, RegistrationStatus.REGISTERED, 0, false));
            assertEquals(List.of(List.of()), domainPages(swf, RegistrationStatus.DEPRECATED, 5, false));
        }
    }

    @Test
    void domainPageTokenIsRefusedWithOtherArgumentsAndAfterItExpires() {
        try (SwfEngine swf = engine()) {
            for (String name : List.of("a", "b", "c", "d", "e")) {
                registerDomain(swf, name);
            }
            String token = swf.listDomains(r ->
                            r.registrationStatus(RegistrationStatus.REGISTERED).maximumPageSize(2))
                    .nextPageToken();

            assertValidation(
                    "1 validation error detected: Value '" + token + "' at 'nextPageToken' failed to satisfy"
                            + " constraint: Member must be used with the same arguments as the call that returned it",
                    () -> swf.listDomains(r -> r.registrationStatus(RegistrationStatus.DEPRECATED)
                            .maximumPageSize(2)
                            .nextPageToken(token)));
            assertValidation(
                    "1 validation error detected: Value '" + token + "' at 'nextPageToken' failed to satisfy"
                            + " constraint: Member must be used with the same arguments as the call that returned it",
                    () -> swf.listDomains(r -> r.registrationStatus(RegistrationStatus.REGISTERED)
                            .reverseOrder(true)
                            .maximumPageSize(2)
                            .nextPageToken(token)));

            swf.advance(Duration.ofHours(23));
            ListDomainsResponse second = swf.listDomains(r -> r.registrationStatus(RegistrationStatus.REGISTERED)
                    .maximumPageSize(2)
                    .nextPageToken(token));
            assertEquals(List.of("c", "d"), domainNames(second.domainInfos()));

            swf.advance(Duration.ofHours(2));
            assertValidation(
                    "Specified token has exceeded its maximum lifetime",
                    () -> swf.listDomains(r -> r.registrationStatus(RegistrationStatus.REGISTERED)
                            .maximumPageSize(2)
                            .nextPageToken(token)));
        }
    }

    @Test
    void deprecatingADomainDeprecatesEveryTypeRegisteredInIt() {
        try (SwfEngine swf = engine()) {
            registerDomain(swf, SHOP);
            registerWorkflowType(swf, SHOP, "Order", "1");
            registerWorkflowType(swf, SHOP, "Order", "2");
            registerActivityType(swf, SHOP, "charge", "1");
            registerActivityType(swf, SHOP, "ship", "1");
            swf.advance(Duration.ofHours(1));
            swf.deprecateActivityType(r -> r.domain(SHOP).activityType(activity("ship", "1")));
            swf.advance(Duration.ofHours(1));

            swf.deprecateDomain(r -> r.name(SHOP));

            Instant deprecatedAt = T0.plus(Duration.ofHours(2));
            assertEquals(
                    domainInfo(SHOP, RegistrationStatus.DEPRECATED, "Domain shop"),
                    swf.describeDomain(r -> r.name(SHOP)).domainInfo());
            assertEquals(
                    List.of(
                            workflowInfo("Order", "1", RegistrationStatus.DEPRECATED, T0, deprecatedAt),
                            workflowInfo("Order", "2", RegistrationStatus.DEPRECATED, T0, deprecatedAt)),
                    listWorkflowTypes(swf, r -> r.domain(SHOP).registrationStatus(RegistrationStatus.DEPRECATED)));
            assertEquals(
                    List.of(),
                    listWorkflowTypes(swf, r -> r.domain(SHOP).registrationStatus(RegistrationStatus.REGISTERED)));
            // A type deprecated before its domain keeps its own deprecation date.
            assertEquals(
                    List.of(
                            activityInfo("charge", "1", RegistrationStatus.DEPRECATED, T0, deprecatedAt),
                            activityInfo("ship", "1", RegistrationStatus.DEPRECATED, T0, T0.plus(Duration.ofHours(1)))),
                    listActivityTypes(swf, r -> r.domain(SHOP).registrationStatus(RegistrationStatus.DEPRECATED)));
            assertEquals(
                    workflowInfo("Order", "1", RegistrationStatus.DEPRECATED, T0, deprecatedAt),
                    swf.describeWorkflowType(r -> r.domain(SHOP).workflowType(workflow("Order", "1")))
                            .typeInfo());
            assertEquals(
                    activityInfo("charge", "1", RegistrationStatus.DEPRECATED, T0, deprecatedAt),
                    swf.describeActivityType(r -> r.domain(SHOP).activityType(activity("charge", "1")))
                            .typeInfo());
            assertEquals(
                    List.of(domainInfo(SHOP, RegistrationStatus.DEPRECATED, "Domain shop")),
                    swf.listDomains(r -> r.registrationStatus(RegistrationStatus.DEPRECATED))
                            .domainInfos());
            assertEquals(
                    List.of(),
                    swf.listDomains(r -> r.registrationStatus(RegistrationStatus.REGISTERED))
                            .domainInfos());
        }
    }

    @Test
    void undeprecatingADomainLeavesItsTypesDeprecated() {
        try (SwfEngine swf = engine()) {
            registerDomain(swf, SHOP);
            registerWorkflowType(swf, SHOP, "Order", "1");
            registerActivityType(swf, SHOP, "charge", "1");
            swf.advance(Duration.ofMinutes(5));
            swf.deprecateDomain(r -> r.name(SHOP));
            swf.advance(Duration.ofMinutes(5));

            swf.undeprecateDomain(r -> r.name(SHOP));

            Instant deprecatedAt = T0.plus(Duration.ofMinutes(5));
            assertEquals(
                    domainInfo(SHOP, RegistrationStatus.REGISTERED, "Domain shop"),
                    swf.describeDomain(r -> r.name(SHOP)).domainInfo());
            assertEquals(
                    workflowInfo("Order", "1", RegistrationStatus.DEPRECATED, T0, deprecatedAt),
                    swf.describeWorkflowType(r -> r.domain(SHOP).workflowType(workflow("Order", "1")))
                            .typeInfo());
            assertEquals(
                    activityInfo("charge", "1", RegistrationStatus.DEPRECATED, T0, deprecatedAt),
                    swf.describeActivityType(r -> r.domain(SHOP).activityType(activity("charge", "1")))
                            .typeInfo());
            // The domain is usable again: new types can be registered in it.
            registerActivityType(swf, SHOP, "refund", "1");
            assertEquals(
                    List.of(activityInfo(
                            "refund", "1", RegistrationStatus.REGISTERED, T0.plus(Duration.ofMinutes(10)), null)),
                    listActivityTypes(swf, r -> r.domain(SHOP).registrationStatus(RegistrationStatus.REGISTERED)));
        }
    }

    @Test
    void domainFaultsFollowSwf() {
        try (SwfEngine swf = engine()) {
            registerDomain(swf, SHOP);
            assertFault(
                    DomainAlreadyExistsException.class,
                    "DomainAlreadyExistsFault",
                    SHOP,
                    () -> registerDomain(swf, SHOP));
            assertFault(
                    DomainAlreadyExistsException.class,
                    "DomainAlreadyExistsFault",
                    SHOP,
                    () -> swf.undeprecateDomain(r -> r.name(SHOP)));

            swf.deprecateDomain(r -> r.name(SHOP));
            assertFault(
                    DomainAlreadyExistsException.class,
                    "DomainAlreadyExistsFault",
                    SHOP,
                    () -> registerDomain(swf, SHOP));
            assertFault(
                    DomainDeprecatedException.class,
                    "DomainDeprecatedFault",
                    SHOP,
                    () -> swf.deprecateDomain(r -> r.name(SHOP)));
            // The failed registration changed nothing.
            assertEquals(
                    domainInfo(SHOP, RegistrationStatus.DEPRECATED, "Domain shop"),
                    swf.describeDomain(r -> r.name(SHOP)).domainInfo());

            assertFault(
                    UnknownResourceException.class,
                    "UnknownResourceFault",
                    "Unknown domain: nowhere",
                    () -> swf.describeDomain(r -> r.name("nowhere")));
            assertFault(
                    UnknownResourceException.class,
                    "UnknownResourceFault",
                    "Unknown domain: nowhere",
                    () -> swf.deprecateDomain(r -> r.name("nowhere")));
            assertFault(
                    UnknownResourceException.class,
                    "UnknownResourceFault",
                    "Unknown domain: nowhere",
                    () -> swf.undeprecateDomain(r -> r.name("nowhere")));
        }
    }

    @Test
    void anAccountHoldsAtMostOneHundredDomainsCountingDeprecatedOnes() {
        try (SwfEngine swf = engine()) {
            List<String> registered = new ArrayList<>();
            List<String> deprecated = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                String name = String.format("d%03d", i);
                registerDomain(swf, name);
                if (i % 10 == 0) {
                    swf.deprecateDomain(r -> r.name(name));
                    deprecated.add(name);
                } else {
                    registered.add(name);
                }
            }

            assertFault(
                    LimitExceededException.class,
                    "LimitExceededFault",
                    "Cannot register domain one-too-many: the account already has 100 domains (registered and"
                            + " deprecated)",
                    () -> registerDomain(swf, "one-too-many"));

            assertFault(
                    UnknownResourceException.class,
                    "UnknownResourceFault",
                    "Unknown domain: one-too-many",
                    () -> swf.describeDomain(r -> r.name("one-too-many")));
            assertEquals(
                    registered,
                    domainNames(swf.listDomains(r -> r.registrationStatus(RegistrationStatus.REGISTERED))
                            .domainInfos()));
            assertEquals(
                    deprecated,
                    domainNames(swf.listDomains(r -> r.registrationStatus(RegistrationStatus.DEPRECATED))
                            .domainInfos()));
        }
    }

    // ---------------------------------------------------------------------------------------
    // Activity types

    @Test
    void activityTypeIsDescribedExactlyAsRegistered() {
        try (SwfEngine swf = engine()) {
            registerDomain(swf, SHOP);
            swf.registerActivityType(r -> r.domain(SHOP)
                    .name("charge")
                    .version("1")
                    .description("Charges a card")
                    .defaultTaskList(t -> t.name("payments"))
                    .defaultTaskPriority("-5")
                    .defaultTaskStartToCloseTimeout("60")
                    .defaultTaskHeartbeatTimeout("NONE")
                    .defaultTaskScheduleToStartTimeout("300")
                    .defaultTaskScheduleToCloseTimeout("360"));
            swf.advance(Duration.ofSeconds(5));
            swf.registerActivityType(r -> r.domain(SHOP).name("refund").version("1"));

            var charge = swf.describeActivityType(r -> r.domain(SHOP).activityType(activity("charge", "1")));
            assertEquals(
                    ActivityTypeConfiguration.builder()
                            .defaultTaskList(TaskList.builder().name("payments").build())
                            .defaultTaskPriority("-5")
                            .defaultTaskStartToCloseTimeout("60")
                            .defaultTaskHeartbeatTimeout("NONE")
                            .defaultTaskScheduleToStartTimeout("300")
                            .defaultTaskScheduleToCloseTimeout("360")
                            .build(),
                    charge.configuration());
            assertEquals(
                    ActivityTypeInfo.builder()
                            .activityType(activity("charge", "1"))
                            .status(RegistrationStatus.REGISTERED)
                            .description("Charges a card")
                            .creationDate(T0)
                            .build(),
                    charge.typeInfo());

            var refund = swf.describeActivityType(r -> r.domain(SHOP).activityType(activity("refund", "1")));
            assertEquals(ActivityTypeConfiguration.builder().build(), refund.configuration());
            assertEquals(
                    ActivityTypeInfo.builder()
                            .activityType(activity("refund", "1"))
                            .status(RegistrationStatus.REGISTERED)
                            .creationDate(T0.plusSeconds(5))
                            .build(),
                    refund.typeInfo());
        }
    }

    @Test
    void activityTypesAreListedByNameThenVersionAndFilteredByNameAndStatus() {
        try (SwfEngine swf = engine()) {
            registerDomain(swf, SHOP);
            for (String type :
                    List.of("ship/2", "charge/3", "charges/1", "charge/1", "audit/1", "ship/1", "charge/2")) {
                registerActivityType(swf, SHOP, type);
            }
            swf.advance(Duration.ofMinutes(1));
            swf.deprecateActivityType(r -> r.domain(SHOP).activityType(activity("charge", "2")));
            Instant deprecatedAt = T0.plus(Duration.ofMinutes(1));

            assertEquals(
                    List.of(
                            activityInfo("audit", "1", RegistrationStatus.REGISTERED, T0, null),
                            activityInfo("charge", "1", RegistrationStatus.REGISTERED, T0, null),
                            activityInfo("charge", "3", RegistrationStatus.REGISTERED, T0, null),
                            activityInfo("charges", "1", RegistrationStatus.REGISTERED, T0, null),
                            activityInfo("ship", "1", RegistrationStatus.REGISTERED, T0, null),
                            activityInfo("ship", "2", RegistrationStatus.REGISTERED, T0, null)),
                    listActivityTypes(swf, r -> r.domain(SHOP).registrationStatus(RegistrationStatus.REGISTERED)));
            assertEquals(
                    List.of(activityInfo("charge", "2", RegistrationStatus.DEPRECATED, T0, deprecatedAt)),
                    listActivityTypes(swf, r -> r.domain(SHOP).registrationStatus(RegistrationStatus.DEPRECATED)));
            assertEquals(
                    List.of("charge/1", "charge/3"),
                    activityKeys(listActivityTypes(
                            swf,
                            r -> r.domain(SHOP).name("charge").registrationStatus(RegistrationStatus.REGISTERED))));
            assertEquals(
                    List.of("charge/2"),
                    activityKeys(listActivityTypes(
                            swf,
                            r -> r.domain(SHOP).name("charge").registrationStatus(RegistrationStatus.DEPRECATED))));
            assertEquals(
                    List.of(),
                    activityKeys(listActivityTypes(
                            swf, r -> r.domain(SHOP).name("char").registrationStatus(RegistrationStatus.REGISTERED))));
            assertEquals(
                    List.of("ship/2", "ship/1", "charges/1", "charge/3", "charge/1", "audit/1"),
                    activityKeys(listActivityTypes(
                            swf,
                            r -> r.domain(SHOP)
                                    .registrationStatus(RegistrationStatus.REGISTERED)
                                    .reverseOrder(true))));
        }
    }

    @Test
    void activityTypeListingPagesWithoutDuplicatesOrGaps() {
        try (SwfEngine swf = engine()) {
            registerDomain(swf, SHOP);
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < 17; i++) {
                keys.add(String.format("task%02d/1", i));
                keys.add(String.format("task%02d/2", i));
            }
            for (int i = keys.size() - 1; i >= 0; i--) {
                registerActivityType(swf, SHOP, keys.get(i));
            }
            List<String> reversed = new ArrayList<>(keys);
            Collections.reverse(reversed);

            for (int size : new int[] {1, 3, 7, 34}) {
                List<List<String>> pages = new ArrayList<>();
                List<List<String>> reversePages = new ArrayList<>();
                Set<String> tokens = new HashSet<>();
                String token = null;
                do {
                    String page = token;
                    ListActivityTypesResponse r = swf.listActivityTypes(l -> l.domain(SHOP)
                            .registrationStatus(RegistrationStatus.REGISTERED)
                            .maximumPageSize(size)
                            .nextPageToken(page));
                    pages.add(activityKeys(r.typeInfos()));
                    token = r.nextPageToken();
                    assertTrue(token == null || tokens.add(token), "a page token was handed out twice");
                } while (token != null);
                do {
                    String page = token;
                    ListActivityTypesResponse r = swf.listActivityTypes(l -> l.domain(SHOP)
                            .registrationStatus(RegistrationStatus.REGISTERED)
                            .reverseOrder(true)
                            .maximumPageSize(size)
                            .nextPageToken(page));
                    reversePages.add(activityKeys(r.typeInfos()));
                    token = r.nextPageToken();
                } while (token != null);
                assertEquals(partition(keys, size), pages);
                assertEquals(partition(reversed, size), reversePages);
            }

            List<List<String>> task03 = new ArrayList<>();
            String token = null;
            do {
                String page = token;
                ListActivityTypesResponse r = swf.listActivityTypes(l -> l.domain(SHOP)
                        .name("task03")
                        .registrationStatus(RegistrationStatus.REGISTERED)
                        .maximumPageSize(1)
                        .nextPageToken(page));
                task03.add(activityKeys(r.typeInfos()));
                token = r.nextPageToken();
            } while (token != null);
            assertEquals(List.of(List.of("task03/1"), List.of("task03/2")), task03);
        }
    }

    @Test
    void activityTypeIsDeprecatedUndeprecatedAndDeleted() {
        try (SwfEngine swf = engine()) {
            registerDomain(swf, SHOP);
            registerActivityType(swf, SHOP, "charge", "1");
            ActivityType charge = activity("charge", "1");
            String name = "ActivityType=[name=charge, version=1]";

            assertFault(
                    TypeNotDeprecatedException.class,
                    "TypeNotDeprecatedFault",
                    name + " is not deprecated; deprecate it before deleting it",
                    () -> swf.deleteActivityType(r -> r.domain(SHOP).activityType(charge)));
            assertFault(
                    TypeAlreadyExistsException.class,
                    "TypeAlreadyExistsFault",
                    name,
                    () -> swf.undeprecateActivityType(r -> r.domain(SHOP).activityType(charge)));

            swf.advance(Duration.ofMinutes(1));
            swf.deprecateActivityType(r -> r.domain(SHOP).activityType(charge));
            assertEquals(
                    activityInfo("charge", "1", RegistrationStatus.DEPRECATED, T0, T0.plus(Duration.ofMinutes(1))),
                    swf.describeActivityType(r -> r.domain(SHOP).activityType(charge))
                            .typeInfo());
            assertFault(
                    TypeDeprecatedException.class,
                    "TypeDeprecatedFault",
                    name,
                    () -> swf.deprecateActivityType(r -> r.domain(SHOP).activityType(charge)));

            swf.advance(Duration.ofMinutes(1));
            swf.undeprecateActivityType(r -> r.domain(SHOP).activityType(charge));
            assertEquals(
                    activityInfo("charge", "1", RegistrationStatus.REGISTERED, T0, null),
                    swf.describeActivityType(r -> r.domain(SHOP).activityType(charge))
                            .typeInfo());

            swf.advance(Duration.ofMinutes(1));
            swf.deprecateActivityType(r -> r.domain(SHOP).activityType(charge));
            swf.deleteActivityType(r -> r.domain(SHOP).activityType(charge));

            String unknown = "Unknown type: ActivityType=[name=charge, version=1]";
            assertFault(
                    UnknownResourceException.class,
                    "UnknownResourceFault",
                    unknown,
                    () -> swf.describeActivityType(r -> r.domain(SHOP).activityType(charge)));
            assertFault(
                    UnknownResourceException.class,
                    "UnknownResourceFault",
                    unknown,
                    () -> swf.deprecateActivityType(r -> r.domain(SHOP).activityType(charge)));
            assertFault(
                    UnknownResourceException.class,
                    "UnknownResourceFault",
                    unknown,
                    () -> swf.undeprecateActivityType(r -> r.domain(SHOP).activityType(charge)));
            assertFault(
                    UnknownResourceException.class,
                    "UnknownResourceFault",
                    unknown,
                    () -> swf.deleteActivityType(r -> r.domain(SHOP).activityType(charge)));
            assertEquals(
                    List.of(),
                    listActivityTypes(swf, r -> r.domain(SHOP).registrationStatus(RegistrationStatus.REGISTERED)));
            assertEquals(
                    List.of(),
                    listActivityTypes(swf, r -> r.domain(SHOP).registrationStatus(RegistrationStatus.DEPRECATED)));

            // A deleted type may be registered again, as a new type.
            registerActivityType(swf, SHOP, "charge", "1");
            assertEquals(
                    List.of(activityInfo(
                            "charge", "1", RegistrationStatus.REGISTERED, T0.plus(Duration.ofMinutes(3)), null)),
                    listActivityTypes(swf, r -> r.domain(SHOP).registrationStatus(RegistrationStatus.REGISTERED)));
        }
    }

    @Test
    void registeringAnExistingActivityTypeFailsEvenWhenDeprecated() {
        try (SwfEngine swf = engine()) {
            registerDomain(swf, SHOP);
            registerActivityType(swf, SHOP, "charge", "1");
            ActivityTypeConfiguration registered = swf.describeActivityType(
                            r -> r.domain(SHOP).activityType(activity("charge", "1")))
                    .configuration();

            assertFault(
                    TypeAlreadyExistsException.class,
                    "TypeAlreadyExistsFault",
                    "ActivityType=[name=charge, version=1]",
                    () -> swf.registerActivityType(
                            r -> r.domain(SHOP).name("charge").version("1").defaultTaskList(t -> t.name("elsewhere"))));
            swf.deprecateActivityType(r -> r.domain(SHOP).activityType(activity("charge", "1")));
            assertFault(
                    TypeAlreadyExistsException.class,
                    "TypeAlreadyExistsFault",
                    "ActivityType=[name=charge, version=1]",
                    () -> swf.registerActivityType(
                            r -> r.domain(SHOP).name("charge").version("1").defaultTaskList(t -> t.name("elsewhere"))));

            assertEquals(
                    registered,
                    swf.describeActivityType(r -> r.domain(SHOP).activityType(activity("charge", "1")))
                            .configuration());
        }
    }

    // ---------------------------------------------------------------------------------------
    // Workflow types

    @Test
    void workflowTypeIsDescribedExactlyAsRegistered() {
        try (SwfEngine swf = engine()) {
            registerDomain(swf, SHOP);
            swf.registerWorkflowType(r -> r.domain(SHOP)
                    .name("Order")
                    .version("1")
                    .description("Takes an order")
                    .defaultTaskList(t -> t.name("deciders"))
                    .defaultTaskPriority("7")
                    .defaultExecutionStartToCloseTimeout("86400")
                    .defaultTaskStartToCloseTimeout("NONE")
                    .defaultChildPolicy(ChildPolicy.REQUEST_CANCEL)
                    .defaultLambdaRole("arn:aws:iam::123456789012:role/swf-lambda"));
            swf.advance(Duration.ofSeconds(5));
            swf.registerWorkflowType(r -> r.domain(SHOP).name("Audit").version("v1"));

            var order = swf.describeWorkflowType(r -> r.domain(SHOP).workflowType(workflow("Order", "1")));
            assertEquals(
                    WorkflowTypeConfiguration.builder()
                            .defaultTaskList(TaskList.builder().name("deciders").build())
                            .defaultTaskPriority("7")
                            .defaultExecutionStartToCloseTimeout("86400")
                            .defaultTaskStartToCloseTimeout("NONE")
                            .defaultChildPolicy(ChildPolicy.REQUEST_CANCEL)
                            .defaultLambdaRole("arn:aws:iam::123456789012:role/swf-lambda")
                            .build(),
                    order.configuration());
            assertEquals(
                    WorkflowTypeInfo.builder()
                            .workflowType(workflow("Order", "1"))
                            .status(RegistrationStatus.REGISTERED)
                            .description("Takes an order")
                            .creationDate(T0)
                            .build(),
                    order.typeInfo());

            var audit = swf.describeWorkflowType(r -> r.domain(SHOP).workflowType(workflow("Audit", "v1")));
            assertEquals(WorkflowTypeConfiguration.builder().build(), audit.configuration());
            assertEquals(
                    WorkflowTypeInfo.builder()
                            .workflowType(workflow("Audit", "v1"))
                            .status(RegistrationStatus.REGISTERED)
                            .creationDate(T0.plusSeconds(5))
                            .build(),
                    audit.typeInfo());
        }
    }

    @Test
    void workflowTypesAreListedByNameThenVersionAndFilteredByNameAndStatus() {
        try (SwfEngine swf = engine()) {
            registerDomain(swf, SHOP);
            for (String type : List.of("Ship/2", "Order/3", "Orders/1", "Order/1", "Audit/1", "Ship/1", "Order/2")) {
                registerWorkflowType(swf, SHOP, type);
            }
            swf.advance(Duration.ofMinutes(1));
            swf.deprecateWorkflowType(r -> r.domain(SHOP).workflowType(workflow("Order", "2")));
            Instant deprecatedAt = T0.plus(Duration.ofMinutes(1));

            assertEquals(
                    List.of(
                            workflowInfo("Audit", "1", RegistrationStatus.REGISTERED, T0, null),
                            workflowInfo("Order", "1", RegistrationStatus.REGISTERED, T0, null),
                            workflowInfo("Order", "3", RegistrationStatus.REGISTERED, T0, null),
                            workflowInfo("Orders", "1", RegistrationStatus.REGISTERED, T0, null),
                            workflowInfo("Ship", "1", RegistrationStatus.REGISTERED, T0, null),
                            workflowInfo("Ship", "2", RegistrationStatus.REGISTERED, T0, null)),
                    listWorkflowTypes(swf, r -> r.domain(SHOP).registrationStatus(RegistrationStatus.REGISTERED)));
            assertEquals(
                    List.of(workflowInfo("Order", "2", RegistrationStatus.DEPRECATED, T0, deprecatedAt)),
                    listWorkflowTypes(swf, r -> r.domain(SHOP).registrationStatus(RegistrationStatus.DEPRECATED)));
            assertEquals(
                    List.of("Order/1", "Order/3"),
                    workflowKeys(listWorkflowTypes(
                            swf, r -> r.domain(SHOP).name("Order").registrationStatus(RegistrationStatus.REGISTERED))));
            assertEquals(
                    List.of("Order/3", "Order/1"),
                    workflowKeys(listWorkflowTypes(
                            swf,
                            r -> r.domain(SHOP)
                                    .name("Order")
                                    .registrationStatus(RegistrationStatus.REGISTERED)
                                    .reverseOrder(true))));
            assertEquals(
                    List.of("Order/2"),
                    workflowKeys(listWorkflowTypes(
                            swf, r -> r.domain(SHOP).name("Order").registrationStatus(RegistrationStatus.DEPRECATED))));
            assertEquals(
                    List.of("Ship/2", "Ship/1", "Orders/1", "Order/3", "Order/1", "Audit/1"),
                    workflowKeys(listWorkflowTypes(
                            swf,
                            r -> r.domain(SHOP)
                                    .registrationStatus(RegistrationStatus.REGISTERED)
                                    .reverseOrder(true))));
        }
    }

    @Test
    void workflowTypeListingPagesWithoutDuplicatesOrGaps() {
        try (SwfEngine swf = engine()) {
            registerDomain(swf, SHOP);
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                for (int v = 1; v <= 3; v++) {
                    keys.add(String.format("Flow%02d/%d", i, v));
                }
            }
            for (int i = 0; i < keys.size(); i++) {
                registerWorkflowType(swf, SHOP, keys.get(i * 5 % keys.size()));
            }
            List<String> reversed = new ArrayList<>(keys);
            Collections.reverse(reversed);

            for (int size : new int[] {1, 4, 5, 36}) {
                for (boolean reverse : new boolean[] {false, true}) {
                    List<List<String>> pages = new ArrayList<>();
                    Set<String> tokens = new HashSet<>();
                    String token = null;
                    do {
                        String page = token;
                        ListWorkflowTypesResponse r = swf.listWorkflowTypes(l -> l.domain(SHOP)
                                .registrationStatus(RegistrationStatus.REGISTERED)
                                .reverseOrder(reverse)
                                .maximumPageSize(size)
                                .nextPageToken(page));
                        pages.add(workflowKeys(r.typeInfos()));
                        token = r.nextPageToken();
                        assertTrue(token == null || tokens.add(token), "a page token was handed out twice");
                    } while (token != null);
                    assertEquals(partition(reverse ? reversed : keys, size), pages);
                }
            }
        }
    }

    @Test
    void workflowTypeIsDeprecatedUndeprecatedAndDeleted() {
        try (SwfEngine swf = engine()) {
            registerDomain(swf, SHOP);
            registerWorkflowType(swf, SHOP, "Order", "1");
            WorkflowType order = workflow("Order", "1");
            String name = "WorkflowType=[name=Order, version=1]";

            assertFault(
                    TypeNotDeprecatedException.class,
                    "TypeNotDeprecatedFault",
                    name + " is not deprecated; deprecate it before deleting it",
                    () -> swf.deleteWorkflowType(r -> r.domain(SHOP).workflowType(order)));
            assertFault(
                    TypeAlreadyExistsException.class,
                    "TypeAlreadyExistsFault",
                    name,
                    () -> swf.undeprecateWorkflowType(r -> r.domain(SHOP).workflowType(order)));

            swf.advance(Duration.ofMinutes(1));
            swf.deprecateWorkflowType(r -> r.domain(SHOP).workflowType(order));
            assertEquals(
                    workflowInfo("Order", "1", RegistrationStatus.DEPRECATED, T0, T0.plus(Duration.ofMinutes(1))),
                    swf.describeWorkflowType(r -> r.domain(SHOP).workflowType(order))
                            .typeInfo());
            assertFault(
                    TypeDeprecatedException.class,
                    "TypeDeprecatedFault",
                    name,
                    () -> swf.deprecateWorkflowType(r -> r.domain(SHOP).workflowType(order)));

            swf.advance(Duration.ofMinutes(1));
            swf.undeprecateWorkflowType(r -> r.domain(SHOP).workflowType(order));
            assertEquals(
                    workflowInfo("Order", "1", RegistrationStatus.REGISTERED, T0, null),
                    swf.describeWorkflowType(r -> r.domain(SHOP).workflowType(order))
                            .typeInfo());

            swf.advance(Duration.ofMinutes(1));
            swf.deprecateWorkflowType(r -> r.domain(SHOP).workflowType(order));
            swf.deleteWorkflowType(r -> r.domain(SHOP).workflowType(order));

            String unknown = "Unknown type: WorkflowType=[name=Order, version=1]";
            assertFault(
                    UnknownResourceException.class,
                    "UnknownResourceFault",
                    unknown,
                    () -> swf.describeWorkflowType(r -> r.domain(SHOP).workflowType(order)));
            assertFault(
                    UnknownResourceException.class,
                    "UnknownResourceFault",
                    unknown,
                    () -> swf.deprecateWorkflowType(r -> r.domain(SHOP).workflowType(order)));
            assertFault(
                    UnknownResourceException.class,
                    "UnknownResourceFault",
                    unknown,
                    () -> swf.undeprecateWorkflowType(r -> r.domain(SHOP).workflowType(order)));
            assertFault(
                    UnknownResourceException.class,
                    "UnknownResourceFault",
                    unknown,
                    () -> swf.deleteWorkflowType(r -> r.domain(SHOP).workflowType(order)));
            assertEquals(
                    List.of(),
                    listWorkflowTypes(swf, r -> r.domain(SHOP).registrationStatus(RegistrationStatus.REGISTERED)));
            assertEquals(
                    List.of(),
                    listWorkflowTypes(swf, r -> r.domain(SHOP).registrationStatus(RegistrationStatus.DEPRECATED)));

            // A deleted type may be registered again, as a new type.
            registerWorkflowType(swf, SHOP, "Order", "1");
            assertEquals(
                    List.of(workflowInfo(
                            "Order", "1", RegistrationStatus.REGISTERED, T0.plus(Duration.ofMinutes(3)), null)),
                    listWorkflowTypes(swf, r -> r.domain(SHOP).registrationStatus(RegistrationStatus.REGISTERED)));
        }
    }

    @Test
    void registeringAnExistingWorkflowTypeFailsEvenWhenDeprecated() {
        try (SwfEngine swf = engine()) {
            registerDomain(swf, SHOP);
            registerWorkflowType(swf, SHOP, "Order", "1");
            WorkflowTypeConfiguration registered = swf.describeWorkflowType(
                            r -> r.domain(SHOP).workflowType(workflow("Order", "1")))
                    .configuration();

            assertFault(
                    TypeAlreadyExistsException.class,
                    "TypeAlreadyExistsFault",
                    "WorkflowType=[name=Order, version=1]",
                    () -> swf.registerWorkflowType(
                            r -> r.domain(SHOP).name("Order").version("1").defaultChildPolicy(ChildPolicy.ABANDON)));
            swf.deprecateWorkflowType(r -> r.domain(SHOP).workflowType(workflow("Order", "1")));
            assertFault(
                    TypeAlreadyExistsException.class,
                    "TypeAlreadyExistsFault",
                    "WorkflowType=[name=Order, version=1]",
                    () -> swf.registerWorkflowType(
                            r -> r.domain(SHOP).name("Order").version("1").defaultChildPolicy(ChildPolicy.ABANDON)));

            assertEquals(
                    registered,
                    swf.describeWorkflowType(r -> r.domain(SHOP).workflowType(workflow("Order", "1")))
                            .configuration());
        }
    }

    @Test
    void registeringATypeInADeprecatedDomainFails() {
        try (SwfEngine swf = engine()) {
            registerDomain(swf, SHOP);
            swf.deprecateDomain(r -> r.name(SHOP));

            assertFault(
                    DomainDeprecatedException.class,
                    "DomainDeprecatedFault",
                    SHOP,
                    () -> registerWorkflowType(swf, SHOP, "Order", "1"));
            assertFault(
                    DomainDeprecatedException.class,
                    "DomainDeprecatedFault",
                    SHOP,
                    () -> registerActivityType(swf, SHOP, "charge", "1"));
            assertEquals(
                    List.of(),
                    listWorkflowTypes(swf, r -> r.domain(SHOP).registrationStatus(RegistrationStatus.REGISTERED)));
            assertEquals(
                    List.of(),
                    listActivityTypes(swf, r -> r.domain(SHOP).registrationStatus(RegistrationStatus.REGISTERED)));
        }
    }

    @Test
    void typesOfAnUnknownDomainAreUnknown() {
        try (SwfEngine swf = engine()) {
            assertFault(
                    UnknownResourceException.class,
                    "UnknownResourceFault",
                    "Unknown domain: nowhere",
                    () -> registerWorkflowType(swf, "nowhere", "Order", "1"));
            assertFault(
                    UnknownResourceException.class,
                    "UnknownResourceFault",
                    "Unknown domain: nowhere",
                    () -> registerActivityType(swf, "nowhere", "charge", "1"));
            assertFault(
                    UnknownResourceException.class,
                    "UnknownResourceFault",
                    "Unknown domain: nowhere",
                    () -> swf.listActivityTypes(
                            r -> r.domain("nowhere").registrationStatus(RegistrationStatus.REGISTERED)));
        }
    }

    // ---------------------------------------------------------------------------------------
    // Tags

    @Test
    void domainTagsAreMergedOverwrittenAndRemoved() {
        try (SwfEngine swf = engine()) {
            swf.registerDomain(r -> r.name(SHOP)
                    .workflowExecutionRetentionPeriodInDays("1")
                    .tags(tag("env", "prod"), tag("team", "payments")));
            assertEquals(Map.of("env", "prod", "team", "payments"), tags(swf, ARN_PREFIX + SHOP));

            swf.tagResource(
                    r -> r.resourceArn(ARN_PREFIX + SHOP).tags(tag("team", "billing"), tag("cost-center", "42")));
            assertEquals(Map.of("env", "prod", "team", "billing", "cost-center", "42"), tags(swf, ARN_PREFIX + SHOP));

            swf.untagResource(r -> r.resourceArn(ARN_PREFIX + SHOP).tagKeys("env", "never-set"));
            assertEquals(Map.of("team", "billing", "cost-center", "42"), tags(swf, ARN_PREFIX + SHOP));

            swf.untagResource(r -> r.resourceArn(ARN_PREFIX + SHOP).tagKeys("team", "cost-center"));
            assertEquals(Map.of(), tags(swf, ARN_PREFIX + SHOP));

            registerDomain(swf, "untagged");
            assertEquals(Map.of(), tags(swf, ARN_PREFIX + "untagged"));
        }
    }

    @Test
    void aDomainHoldsAtMostFiftyTagsAndATaggingThatWouldExceedThemChangesNothing() {
        try (SwfEngine swf = engine()) {
            Map<String, String> fifty = new LinkedHashMap<>();
            for (int i = 0; i < 50; i++) {
                fifty.put("k" + i, "v" + i);
            }
            swf.registerDomain(r ->
                    r.name(SHOP).workflowExecutionRetentionPeriodInDays("1").tags(resourceTags(fifty)));
            assertEquals(fifty, tags(swf, ARN_PREFIX + SHOP));

            assertFault(
                    TooManyTagsException.class,
                    "TooManyTagsFault",
                    "A domain may have at most 50 tags; " + ARN_PREFIX + SHOP + " would have 51",
                    () -> swf.tagResource(
                            r -> r.resourceArn(ARN_PREFIX + SHOP).tags(tag("k0", "new"), tag("k50", "v50"))));
            assertEquals(fifty, tags(swf, ARN_PREFIX + SHOP));

            // Overwriting existing keys keeps the count at 50.
            swf.tagResource(r -> r.resourceArn(ARN_PREFIX + SHOP).tags(tag("k0", "new")));
            fifty.put("k0", "new");
            assertEquals(fifty, tags(swf, ARN_PREFIX + SHOP));

            Map<String, String> fiftyOne = new LinkedHashMap<>(fifty);
            fiftyOne.put("k50", "v50");
            assertFault(
                    TooManyTagsException.class,
                    "TooManyTagsFault",
                    "A domain may have at most 50 tags, but 51 were given",
                    () -> swf.registerDomain(r -> r.name("crowded")
                            .workflowExecutionRetentionPeriodInDays("1")
                            .tags(resourceTags(fiftyOne))));
            assertFault(
                    UnknownResourceException.class,
                    "UnknownResourceFault",
                    "Unknown domain: crowded",
                    () -> swf.describeDomain(r -> r.name("crowded")));
        }
    }

    @Test
    void tagsOfAnUnknownArnAreRefused() {
        try (SwfEngine swf = engine()) {
            registerDomain(swf, SHOP);
            for (String arn : List.of(
                    ARN_PREFIX + "nowhere",
                    "arn:aws:swf:us-east-1:999999999999:/domain/shop",
                    "arn:aws:swf:eu-west-1:123456789012:/domain/shop")) {
                assertFault(
                        UnknownResourceException.class,
                        "UnknownResourceFault",
                        "Unknown resource: " + arn,
                        () -> swf.listTagsForResource(r -> r.resourceArn(arn)));
                assertFault(
                        UnknownResourceException.class,
                        "UnknownResourceFault",
                        "Unknown resource: " + arn,
                        () -> swf.tagResource(r -> r.resourceArn(arn).tags(tag("env", "prod"))));
                assertFault(
                        UnknownResourceException.class,
                        "UnknownResourceFault",
                        "Unknown resource: " + arn,
                        () -> swf.untagResource(r -> r.resourceArn(arn).tagKeys("env")));
            }
            assertEquals(Map.of(), tags(swf, ARN_PREFIX + SHOP));
        }
    }

    // ---------------------------------------------------------------------------------------
    // Helpers

    private static SwfEngine engine() {
        return SwfEngine.builder().virtualTime(T0).pollTimeout(Duration.ZERO).build();
    }

    private static void registerDomain(SwfEngine swf, String name) {
        swf.registerDomain(r -> r.name(name).description("Domain " + name).workflowExecutionRetentionPeriodInDays("1"));
    }

    private static void registerWorkflowType(SwfEngine swf, String domain, String name, String version) {
        swf.registerWorkflowType(r -> r.domain(domain)
                .name(name)
                .version(version)
                .description("Workflow " + name + "/" + version)
                .defaultTaskList(t -> t.name("decisions"))
                .defaultExecutionStartToCloseTimeout("3600")
                .defaultTaskStartToCloseTimeout("30")
                .defaultChildPolicy(ChildPolicy.TERMINATE));
    }

    private static void registerActivityType(SwfEngine swf, String domain, String name, String version) {
        swf.registerActivityType(r -> r.domain(domain)
                .name(name)
                .version(version)
                .description("Activity " + name + "/" + version)
                .defaultTaskList(t -> t.name("activities"))
                .defaultTaskStartToCloseTimeout("60"));
    }

    /** Registers the activity type written as {@code name/version}. */
    private static void registerActivityType(SwfEngine swf, String domain, String key) {
        int slash = key.indexOf('/');
        registerActivityType(swf, domain, key.substring(0, slash), key.substring(slash + 1));
    }

    /** Registers the workflow type written as {@code name/version}. */
    private static void registerWorkflowType(SwfEngine swf, String domain, String key) {
        int slash = key.indexOf('/');
        registerWorkflowType(swf, domain, key.substring(0, slash), key.substring(slash + 1));
    }

    private static DomainInfo domainInfo(String name, RegistrationStatus status, String description) {
        return DomainInfo.builder()
                .name(name)
                .status(status)
                .description(description)
                .arn(ARN_PREFIX + name)
                .build();
    }

    private static WorkflowType workflow(String name, String version) {
        return WorkflowType.builder().name(name).version(version).build();
    }

    private static ActivityType activity(String name, String version) {
        return ActivityType.builder().name(name).version(version).build();
    }

    private static WorkflowTypeInfo workflowInfo(
            String name, String version, RegistrationStatus status, Instant created, Instant deprecated) {
        return WorkflowTypeInfo.builder()
                .workflowType(workflow(name, version))
                .status(status)
                .description("Workflow " + name + "/" + version)
                .creationDate(created)
                .deprecationDate(deprecated)
                .build();
    }

    private static ActivityTypeInfo activityInfo(
            String name, String version, RegistrationStatus status, Instant created, Instant deprecated) {
        return ActivityTypeInfo.builder()
                .activityType(activity(name, version))
                .status(status)
                .description("Activity " + name + "/" + version)
                .creationDate(created)
                .deprecationDate(deprecated)
                .build();
    }

    /** Every workflow type the query lists, over all pages. */
    private static List<WorkflowTypeInfo> listWorkflowTypes(
            SwfEngine swf, Consumer<ListWorkflowTypesRequest.Builder> query) {
        List<WorkflowTypeInfo> all = new ArrayList<>();
        String token = null;
        do {
            String page = token;
            ListWorkflowTypesResponse r = swf.listWorkflowTypes(b -> {
                query.accept(b);
                b.nextPageToken(page);
            });
            all.addAll(r.typeInfos());
            token = r.nextPageToken();
        } while (token != null);
        return all;
    }

    /** Every activity type the query lists, over all pages. */
    private static List<ActivityTypeInfo> listActivityTypes(
            SwfEngine swf, Consumer<ListActivityTypesRequest.Builder> query) {
        List<ActivityTypeInfo> all = new ArrayList<>();
        String token = null;
        do {
            String page = token;
            ListActivityTypesResponse r = swf.listActivityTypes(b -> {
                query.accept(b);
                b.nextPageToken(page);
            });
            all.addAll(r.typeInfos());
            token = r.nextPageToken();
        } while (token != null);
        return all;
    }

    private static List<String> workflowKeys(List<WorkflowTypeInfo> infos) {
        return map(infos, i -> i.workflowType().name() + "/" + i.workflowType().version());
    }

    private static List<String> activityKeys(List<ActivityTypeInfo> infos) {
        return map(infos, i -> i.activityType().name() + "/" + i.activityType().version());
    }

    private static List<String> domainNames(List<DomainInfo> infos) {
        return map(infos, DomainInfo::name);
    }

    private static <T, R> List<R> map(List<T> items, Function<T, R> f) {
        List<R> out = new ArrayList<>(items.size());
        items.forEach(i -> out.add(f.apply(i)));
        return out;
    }

    /** The pages of domain names a walk with {@code size} yields, checking each token is new. */
    private static List<List<String>> domainPages(SwfEngine swf, RegistrationStatus status, int size, boolean reverse) {
        List<List<String>> pages = new ArrayList<>();
        Set<String> tokens = new HashSet<>();
        String token = null;
        do {
            String page = token;
            ListDomainsResponse r = swf.listDomains(l -> l.registrationStatus(status)
                    .reverseOrder(reverse)
                    .maximumPageSize(size)
                    .nextPageToken(page));
            pages.add(domainNames(r.domainInfos()));
            token = r.nextPageToken();
            assertTrue(token == null || tokens.add(token), "a page token was handed out twice");
        } while (token != null);
        return pages;
    }

    /** {@code items} cut into pages of {@code size}; an empty list is one empty page. */
    private static <T> List<List<T>> partition(List<T> items, int size) {
        List<List<T>> pages = new ArrayList<>();
        for (int i = 0; i < items.size(); i += size) {
            pages.add(items.subList(i, Math.min(items.size(), i + size)));
        }
        if (pages.isEmpty()) {
            pages.add(List.of());
        }
        return pages;
    }

    private static ResourceTag tag(String key, String value) {
        return ResourceTag.builder().key(key).value(value).build();
    }

    private static List<ResourceTag> resourceTags(Map<String, String> tags) {
        List<ResourceTag> list = new ArrayList<>();
        tags.forEach((k, v) -> list.add(tag(k, v)));
        return list;
    }

    /** The domain's tags as a map, after checking that no key is listed twice. */
    private static Map<String, String> tags(SwfEngine swf, String arn) {
        List<ResourceTag> list =
                swf.listTagsForResource(r -> r.resourceArn(arn)).tags();
        Map<String, String> map = new LinkedHashMap<>();
        for (ResourceTag t : list) {
            assertNull(map.put(t.key(), t.value()), "tag " + t.key() + " is listed twice");
        }
        return map;
    }

    private static void assertValidation(String message, Executable call) {
        assertFault(SwfException.class, "ValidationException", message, call);
    }
}
