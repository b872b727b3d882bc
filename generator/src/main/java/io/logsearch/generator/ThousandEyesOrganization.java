package io.logsearch.generator;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

/** A ThousandEyes customer: account groups, users with their usual addresses, and named resources. */
final class ThousandEyesOrganization {

    record AccountGroup(String aid, String name) {
    }

    /** @param groups the user's account groups, the home group first */
    record User(String uid, String user, List<AccountGroup> groups, List<String> addresses) {
    }

    /** An activity-log event text and the types of the resources it names. */
    record Event(String text, List<String> resourceTypes) {
    }

    /** Most frequent first; the failures are the texts that say so ("failed", "denied"). */
    static final List<Event> EVENTS = List.of(
            new Event("Login successful.", List.of()),
            new Event("Test updated.", List.of("testName")),
            new Event("Logout successful.", List.of()),
            new Event("Login failed.", List.of()),
            new Event("Test created.", List.of("testName")),
            new Event("Alert rule updated.", List.of("alertRuleName")),
            new Event("Report created.", List.of("reportTitle", "testName")),
            new Event("Dashboard updated.", List.of("dashboardTitle")),
            new Event("Report updated.", List.of("reportTitle")),
            new Event("Test disabled.", List.of("testName")),
            new Event("Test enabled.", List.of("testName")),
            new Event("Test deleted.", List.of("testName")),
            new Event("Agent settings updated.", List.of("agentName")),
            new Event("Dashboard created.", List.of("dashboardTitle")),
            new Event("Alert rule created.", List.of("alertRuleName")),
            new Event("User updated.", List.of("userDisplayName")),
            new Event("Password reset requested.", List.of()),
            new Event("Access denied.", List.of()),
            new Event("User created.", List.of("userDisplayName")),
            new Event("Two-factor authentication failed.", List.of()),
            new Event("Alert rule deleted.", List.of("alertRuleName")),
            new Event("Role updated.", List.of("roleName")),
            new Event("API token regenerated.", List.of()),
            new Event("Report deleted.", List.of("reportTitle")),
            new Event("User deleted.", List.of("userDisplayName")),
            new Event("Permission denied.", List.of("testName")),
            new Event("Password reset failed.", List.of()));

    private static final List<String> REGIONS = List.of("Global", "EMEA", "APAC", "North America", "LATAM",
            "Corporate", "Retail", "Cloud", "Branch", "Data Center", "Campus", "Partner");
    private static final List<String> TEAMS = List.of("NetOps", "Monitoring", "SRE", "IT", "Security", "Apps",
            "WAN", "Voice", "Sandbox", "Platform");
    private static final List<String> SERVICES = List.of("Salesforce", "Office 365", "Zoom", "Webex", "Slack",
            "GitHub", "Okta", "Workday", "ServiceNow", "AWS us-east-1", "Azure West Europe", "GCP asia-east1",
            "Checkout API", "Payments API", "Corporate VPN", "SD-WAN Hub", "Intranet", "SAP ERP", "Jira",
            "Google Workspace", "CDN Edge", "Customer Portal");
    private static final List<String> TEST_KINDS = List.of("HTTP Server", "Page Load", "DNS Server",
            "Agent to Server", "Network", "Transaction", "Voice", "BGP", "DNS Trace");
    private static final List<String> REPORTS = List.of("Weekly SLA Report", "Monthly Availability",
            "Latency Overview", "Executive Summary", "Outage Review", "Capacity Trends", "ISP Performance");
    private static final List<String> DASHBOARDS = List.of("NOC Overview", "Health", "SaaS Apps",
            "Executive View", "Internet Outages", "Branch Connectivity", "Voice Quality");
    private static final List<String> ROLES = List.of("Organization Admin", "Account Admin", "Regular User",
            "View Only", "Network Engineer", "Help Desk");
    private static final List<String> SITES = List.of("fra", "ams", "lon", "nyc", "sjc", "dfw", "sin", "syd",
            "tyo", "gru", "bom", "jnb");

    private final Weighted<User> users;
    private final Map<String, Weighted<String>> resources;

    private ThousandEyesOrganization(Weighted<User> users, Map<String, Weighted<String>> resources) {
        this.users = users;
        this.resources = resources;
    }

    static ThousandEyesOrganization create(SplittableRandom random) {
        String company = Vocabulary.COMPANY_WORDS.get(random.nextInt(Vocabulary.COMPANY_WORDS.size()));
        String domain = company.toLowerCase(Locale.ROOT).replace(" ", "") + ".com";
        List<AccountGroup> groups = accountGroups(random, 20 + random.nextInt(21));
        Weighted<AccountGroup> groupSizes = Weighted.zipf(groups, 0.8);

        List<Person> people = People.draw(random, 300 + random.nextInt(301));
        long[] uids = Shuffle.distinct(random, people.size(), 1_000, 999_000);
        List<User> users = new ArrayList<>(people.size());
        for (int i = 0; i < people.size(); i++) {
            Person person = people.get(i);
            String emailDomain = random.nextDouble() < 0.9 ? domain : "partner-" + domain;
            users.add(new User(Long.toString(uids[i]), person.fullName() + " (" + person.email(emailDomain) + ")",
                    memberships(random, groupSizes), usualAddresses(random)));
        }

        Map<String, Weighted<String>> resources = new TreeMap<>();
        resources.put("testName", Weighted.zipf(combine(random, SERVICES, TEST_KINDS, 150), 0.9));
        resources.put("reportTitle", Weighted.zipf(combine(random, REGIONS, REPORTS, 40), 0.9));
        resources.put("alertRuleName", Weighted.zipf(alertRules(random), 0.9));
        resources.put("dashboardTitle", Weighted.zipf(combine(random, REGIONS, DASHBOARDS, 30), 0.9));
        resources.put("agentName", Weighted.zipf(agents(random), 0.9));
        resources.put("roleName", Weighted.zipf(ROLES, 1.0));
        resources.put("userDisplayName", Weighted.zipf(people.stream().map(Person::fullName).toList(), 0.7));
        return new ThousandEyesOrganization(Weighted.zipf(users, 0.9), resources);
    }

    User pickUser(SplittableRandom random) {
        return users.pick(random);
    }

    String pickResource(String type, SplittableRandom random) {
        return resources.get(type).pick(random);
    }

    private static List<AccountGroup> accountGroups(SplittableRandom random, int count) {
        List<String> names = new ArrayList<>(List.of("API Sandbox"));
        names.addAll(combine(random, REGIONS, TEAMS, count - 1));
        long[] aids = Shuffle.distinct(random, count, 1_000, 899_000);
        List<AccountGroup> groups = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            groups.add(new AccountGroup(Long.toString(aids[i]), names.get(i)));
        }
        return Shuffle.shuffled(random, groups);
    }

    private static List<AccountGroup> memberships(SplittableRandom random, Weighted<AccountGroup> groups) {
        Set<AccountGroup> chosen = new LinkedHashSet<>();
        int wanted = 1 + random.nextInt(3);
        while (chosen.size() < wanted) {
            chosen.add(groups.pick(random));
        }
        return List.copyOf(chosen);
    }

    /** Where a user usually works from: an office network, a home address, a phone on IPv6. */
    private static List<String> usualAddresses(SplittableRandom random) {
        int count = 1 + random.nextInt(3);
        List<String> addresses = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            double kind = random.nextDouble();
            if (kind < 0.68) {
                addresses.add(Addresses.ipv4(random));
            } else if (kind < 0.82) {
                addresses.add(Addresses.ipv6(random));
            } else if (kind < 0.96) {
                addresses.add(Addresses.ipv4Network(random));
            } else {
                addresses.add(Addresses.ipv6Network(random));
            }
        }
        return addresses;
    }

    private static List<String> combine(SplittableRandom random, List<String> first, List<String> second, int count) {
        int[] order = Shuffle.permutation(random, first.size() * second.size());
        List<String> names = new ArrayList<>(count);
        for (int i = 0; i < Math.min(count, order.length); i++) {
            names.add(first.get(order[i] % first.size()) + " " + second.get(order[i] / first.size()));
        }
        return names;
    }

    private static List<String> alertRules(SplittableRandom random) {
        List<String> rules = new ArrayList<>(List.of("Default HTTP Alert Rule", "Default Network Alert Rule",
                "Default DNS Alert Rule", "Default BGP Alert Rule"));
        for (String service : Shuffle.shuffled(random, SERVICES)) {
            rules.add(random.nextBoolean()
                    ? service + " latency > " + (50 + 50 * random.nextInt(8)) + " ms"
                    : service + " availability < " + (95 + random.nextInt(5)) + "%");
        }
        return rules;
    }

    private static List<String> agents(SplittableRandom random) {
        List<String> agents = new ArrayList<>();
        for (String site : Shuffle.shuffled(random, SITES)) {
            for (int i = 1, count = 1 + random.nextInt(3); i <= count; i++) {
                agents.add(site + "-dc" + (1 + random.nextInt(3)) + "-ea0" + i);
            }
        }
        return agents;
    }
}
