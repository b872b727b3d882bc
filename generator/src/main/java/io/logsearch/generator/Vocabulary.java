package io.logsearch.generator;

import java.util.List;

/** Words the sources share for people, organisations and documents. */
final class Vocabulary {

    static final List<String> FIRST_NAMES = List.of(
            "Aaliyah", "Aarav", "Adam", "Aiko", "Alejandro", "Alice", "Amara", "Amelia", "Ana", "Andrea",
            "Anika", "Arjun", "Ava", "Benjamin", "Bianca", "Carlos", "Charlotte", "Chen", "Chloé", "Daniel",
            "David", "Diego", "Dmitri", "Elena", "Elif", "Emily", "Emma", "Ethan", "Fatima", "Felix",
            "Gabriel", "Grace", "Hana", "Hannah", "Hiroshi", "Ines", "Isabella", "Ivan", "Jack", "James",
            "Javier", "Jin", "João", "Julia", "Kai", "Karim", "Kenji", "Laura", "Leila", "Liam",
            "Lucas", "Lucía", "Maria", "Mateo", "Matthew", "Maya", "Mei", "Mohammed", "Nadia", "Noah",
            "Nora", "Olivia", "Omar", "Priya", "Rafael", "Ravi", "Rosa", "Sakura", "Samuel", "Sara",
            "Sebastián", "Sofia", "Søren", "Tariq", "Thomas", "Wei", "William", "Yara", "Yusuf", "Zoë");

    static final List<String> LAST_NAMES = List.of(
            "Abe", "Adeyemi", "Ahmed", "Anderson", "Andersson", "Bauer", "Becker", "Brown", "Castillo", "Chen",
            "Clarke", "Costa", "D'Angelo", "Davies", "Díaz", "Dubois", "Eriksen", "Fernández", "Fischer", "García",
            "Gonzalez", "Gupta", "Hansen", "Hernández", "Ivanova", "Jackson", "Jensen", "Johnson", "Kim", "Kowalski",
            "Kumar", "Larsen", "Lee", "Li", "Lopez", "Martin", "Martínez", "Müller", "Nakamura", "Nguyen",
            "Novak", "O'Brien", "O'Connor", "Okafor", "Olsen", "Patel", "Pereira", "Petrov", "Rossi", "Russo",
            "Santos", "Sato", "Schmidt", "Schneider", "Silva", "Singh", "Smith", "Suzuki", "Takahashi", "Tanaka",
            "Taylor", "Thompson", "Van der Berg", "Wagner", "Walker", "Wang", "Weber", "White", "Williams", "Wilson",
            "Wong", "Wright", "Yamamoto", "Yilmaz", "Young", "Zhang", "Zhao", "Zhou", "Ziegler", "Żak");

    /** Subjects of documents, reports and tests; some carry characters that need escaping in markup. */
    static final List<String> TOPICS = List.of(
            "Q1 Board Deck", "Q2 Forecast", "Q3 Sales & Marketing", "Q4 Budget", "Annual Report", "Brand Guidelines",
            "Customer Onboarding", "Data Retention Policy", "Due Diligence", "Employee Handbook", "Expense Policy",
            "Incident Postmortem", "Investor Update", "Launch Plan", "Legal Review", "Master Services Agreement",
            "Network Diagram", "NDA - Acme & Sons", "Org Chart", "Partner Pricing", "Press Kit", "Product Roadmap",
            "Project \"Atlas\" Charter", "R&D Summary", "Release Notes", "Risk Register", "Security Questionnaire",
            "SLA <draft>", "Statement of Work", "Supplier Contracts", "Team Offsite Agenda", "Training Materials",
            "Vendor Assessment", "Weekly Status", "Westbrook's Proposal", "Wireframes");

    static final List<String> COMPANY_WORDS = List.of(
            "Acme", "Apex", "Atlas", "Beacon", "Blue Harbor", "Brightline", "Cobalt", "Crescent", "Evergreen",
            "Falcon", "Granite", "Helix", "Horizon", "Ironwood", "Juniper", "Keystone", "Lumen", "Meridian",
            "Northwind", "Orbit", "Pinnacle", "Quantum", "Redwood", "Silverline", "Summit", "Tidewater", "Vertex",
            "Wavelength", "Zenith");

    private Vocabulary() {
    }
}
