package io.logsearch.generator;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/** Onehub workspaces with their files and folders, and the users working in them. */
final class OnehubDirectory {

    record Item(long id, String name, String size) {
    }

    record Workspace(long id, String name, Weighted<Item> files, Weighted<Item> folders) {
    }

    /** @param workspaces the user's workspaces, the one they use most first */
    record User(long id, String name, ZoneId zone, List<Workspace> workspaces) {
    }

    private static final List<String> WORKSPACE_KINDS = List.of("Board Materials", "Client Portal", "Deal Room",
            "Due Diligence", "HR & Benefits", "Marketing Assets", "Partner Exchange", "Project Files",
            "Sales Collateral", "Vendor Contracts", "Legal", "Finance", "Engineering Specs", "Customer Success");
    private static final List<String> EXTENSIONS = List.of(".pdf", ".docx", ".xlsx", ".pptx", ".png", ".jpg",
            ".zip", ".csv", ".mp4", ".txt");
    private static final List<String> FOLDERS = List.of("Archive", "Contracts", "Drafts", "Final", "Images",
            "Invoices", "Meeting Notes", "Presentations", "Reports", "Shared", "Templates", "Q&A");
    /** Zones of the people using Onehub, most frequent first; none of them is ever at UTC. */
    private static final List<ZoneId> ZONES = List.of("America/Los_Angeles", "America/New_York", "America/Chicago",
                    "America/Denver", "Europe/Berlin", "America/Sao_Paulo", "Asia/Kolkata", "Australia/Sydney",
                    "Asia/Tokyo", "Asia/Singapore", "Europe/Helsinki", "Pacific/Auckland")
            .stream().map(ZoneId::of).toList();
    private static final List<String> INVITEE_DOMAINS = List.of("gmail.com", "outlook.com", "lawfirm.example",
            "auditors.example", "agency.example", "yahoo.com");

    private static final int INVITEES = 200;

    private final Weighted<User> users;
    private final List<Person> invitees;

    private OnehubDirectory(Weighted<User> users, List<Person> invitees) {
        this.users = users;
        this.invitees = invitees;
    }

    static OnehubDirectory create(SplittableRandom random) {
        int workspaceCount = 20 + random.nextInt(31);
        long[] workspaceIds = Shuffle.distinct(random, workspaceCount, 1_000, 99_000);
        long[] itemIds = Shuffle.distinct(random, workspaceCount * 260, 100_000, 9_900_000);
        int nextItem = 0;
        List<Workspace> workspaces = new ArrayList<>(workspaceCount);
        for (int w = 0; w < workspaceCount; w++) {
            String company = Vocabulary.COMPANY_WORDS.get(random.nextInt(Vocabulary.COMPANY_WORDS.size()));
            String name = company + " " + WORKSPACE_KINDS.get(random.nextInt(WORKSPACE_KINDS.size()));
            List<Item> files = new ArrayList<>();
            for (int i = 0, count = 20 + random.nextInt(230); i < count; i++) {
                files.add(new Item(itemIds[nextItem++], fileName(random), humanSize(random)));
            }
            List<Item> folders = new ArrayList<>();
            for (int i = 0, count = 3 + random.nextInt(8); i < count; i++) {
                String folder = FOLDERS.get(random.nextInt(FOLDERS.size()));
                folders.add(new Item(itemIds[nextItem++], random.nextBoolean() ? folder : folder + " " + (2019 + i), ""));
            }
            workspaces.add(new Workspace(workspaceIds[w], name, Weighted.zipf(files, 1.0), Weighted.zipf(folders, 0.8)));
        }
        Weighted<Workspace> busy = Weighted.zipf(workspaces, 0.8);
        Weighted<ZoneId> zones = Weighted.zipf(ZONES, 1.0);

        int memberCount = 300 + random.nextInt(301);
        List<Person> people = People.draw(random, memberCount + INVITEES);
        List<Person> members = people.subList(0, memberCount);
        long[] userIds = Shuffle.distinct(random, members.size(), 100, 999_900);
        List<User> users = new ArrayList<>(members.size());
        for (int u = 0; u < members.size(); u++) {
            Set<Workspace> joined = new LinkedHashSet<>();
            for (int wanted = 1 + random.nextInt(4); joined.size() < wanted; ) {
                joined.add(busy.pick(random));
            }
            users.add(new User(userIds[u], members.get(u).fullName(), zones.pick(random), List.copyOf(joined)));
        }
        return new OnehubDirectory(Weighted.zipf(users, 0.9), List.copyOf(people.subList(memberCount, people.size())));
    }

    User pickUser(SplittableRandom random) {
        return users.pick(random);
    }

    /** Someone invited into a workspace from outside, by e-mail address. */
    String pickInvitee(SplittableRandom random) {
        return invitees.get(random.nextInt(invitees.size()))
                .email(INVITEE_DOMAINS.get(random.nextInt(INVITEE_DOMAINS.size())));
    }

    private static String fileName(SplittableRandom random) {
        String topic = Vocabulary.TOPICS.get(random.nextInt(Vocabulary.TOPICS.size()));
        String version = random.nextDouble() < 0.3 ? " v" + (1 + random.nextInt(6)) : "";
        return topic + version + EXTENSIONS.get(random.nextInt(EXTENSIONS.size()));
    }

    /** A file size as Rails' {@code number_to_human_size} writes it: "512 Bytes", "7 KB", "1.21 MB". */
    private static String humanSize(SplittableRandom random) {
        double bytes = Math.floor(Math.exp(Math.log(200) + random.nextDouble() * Math.log(2_500_000)));
        String[] units = {"Bytes", "KB", "MB", "GB"};
        int unit = 0;
        while (bytes >= 1024 && unit < units.length - 1) {
            bytes /= 1024;
            unit++;
        }
        BigDecimal rounded = new BigDecimal(bytes).round(new MathContext(3)).stripTrailingZeros();
        return String.format(Locale.ROOT, "%s %s", rounded.toPlainString(), units[unit]);
    }
}
