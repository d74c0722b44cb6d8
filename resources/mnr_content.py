"""The Model National Response in the project's own words: six areas, 21 capabilities.

Each capability: (number, slug, title, summary, definition, why it is needed, good practice).
"""

AREAS = [
    (
        "policy-and-governance",
        "Policy and Governance",
        "The country's leaders own the response: it is governed, measured and backed by the law.",
    ),
    (
        "criminal-justice",
        "Criminal Justice",
        "Offenders are found, prosecuted and managed, and victims are treated fairly by every part of the justice system.",
    ),
    (
        "victim",
        "Victim",
        "Every child who has been abused gets the support, protection and remedies they need, for as long as they need them.",
    ),
    (
        "societal",
        "Societal",
        "Children, families and communities know the risks, can report abuse, and help shape the response.",
    ),
    (
        "industry",
        "Industry",
        "Companies remove and report abuse material quickly and build child safety into their products.",
    ),
    (
        "media-and-communications",
        "Media and Communications",
        "Abuse is reported ethically and accurately, using shared terms that respect victims.",
    ),
]

CAPABILITIES = {
    "policy-and-governance": [
        (
            1,
            "leadership",
            "Leadership",
            "An accountable national committee that governs and oversees the response.",
            "A standing national committee, with members from government, law enforcement, child protection, "
            "industry and civil society, that owns the country's response and answers for its progress.",
            "Without one body in charge, agencies work in isolation, gaps go unnoticed and no one is accountable "
            "for the outcome for children.",
            "The committee has a clear mandate and a senior chair, meets regularly, publishes a national plan "
            "with named owners, and reports on progress.",
        ),
        (
            2,
            "research-analysis-and-monitoring",
            "Research, analysis and monitoring",
            "A national picture of the risk and the response, and a way of measuring progress.",
            "A situational analysis of online child sexual exploitation and abuse in the country, and of how well "
            "the response is working, repeated so that change can be measured.",
            "Decisions based on evidence put scarce resources where they protect most children; without data, "
            "a country cannot tell whether its response is improving.",
            "Regular analysis draws on police, hotline, helpline and health data and on children's own "
            "experience, and its findings shape the national plan.",
        ),
        (
            3,
            "legislation",
            "Legislation",
            "A complete legal framework to investigate offenders and protect victims.",
            "Laws that criminalise every form of online child sexual exploitation and abuse, give investigators "
            "the powers they need, and protect children throughout the justice process.",
            "Offenders move to where the law is weakest; gaps in legislation leave children unprotected and "
            "prevent countries from working together across borders.",
            "Legislation follows international standards, covers grooming, live-streamed abuse and possession of "
            "material, and is reviewed as technology changes.",
        ),
    ],
    "criminal-justice": [
        (
            4,
            "dedicated-law-enforcement",
            "Dedicated law enforcement",
            "Trained officers with a national remit, proactive and reactive, focused on victims.",
            "A law-enforcement capability with a national remit and officers trained to investigate online "
            "exploitation, both in response to reports and proactively, and to cooperate internationally.",
            "These crimes need specialist skills and tools, and they cross borders: local, untrained teams "
            "cannot identify victims or offenders at the scale the problem demands.",
            "A specialist unit works with international partners, prioritises identifying and safeguarding "
            "victims, and looks after the wellbeing of officers exposed to abuse material.",
        ),
        (
            5,
            "judiciary-and-prosecutors",
            "Judiciary and prosecutors",
            "Judges and prosecutors who are trained and put victims first.",
            "Prosecutors and judges who understand online child sexual exploitation and follow procedures that "
            "protect children during investigations and trials.",
            "Cases fail, or children are harmed again by the process, when those who run the courts do not "
            "understand the crime or its effect on victims.",
            "Specialist training, child-friendly procedures such as recorded evidence, and guidance on sentencing "
            "that reflects the harm done.",
        ),
        (
            6,
            "offender-management-process",
            "Offender management process",
            "A process that stops offenders in the justice system from offending again, at home and abroad.",
            "Arrangements to assess, supervise and treat people convicted of these offences, and to share "
            "information about them nationally and internationally.",
            "Many offenders reoffend; managing the risk they pose after conviction prevents further children from "
            "being harmed.",
            "Risk assessment, supervision and treatment programmes, registers with safeguards, and cooperation "
            "with other countries when offenders travel.",
        ),
        (
            7,
            "access-to-image-databases",
            "Access to image databases",
            "A national image database, connected to INTERPOL's international database.",
            "A national database of child sexual abuse material, used to identify victims and offenders and "
            "linked to INTERPOL's International Child Sexual Exploitation (ICSE) database.",
            "Comparing new material with known images shows which children have not yet been identified and "
            "avoids investigators reviewing the same material again and again.",
            "Investigators are trained to use the database, material is categorised consistently, and the "
            "country contributes to and searches the international database.",
        ),
    ],
    "victim": [
        (
            8,
            "end-to-end-support",
            "End-to-end support",
            "Joined-up services for victims during investigation, prosecution and afterwards.",
            "Integrated support for children and their families from the moment abuse is discovered, through any "
            "investigation and trial, and for as long as they need help afterwards.",
            "Children who are left to navigate separate services alone are more likely to be harmed again and "
            "less likely to recover.",
            "One point of contact for each child, services that share information appropriately, and care "
            "planned around the child's needs rather than the case.",
        ),
        (
            9,
            "child-protection-workforce",
            "Child protection workforce",
            "A trained, coordinated workforce ready to support victims.",
            "Social workers, health professionals, teachers and others who work with children, trained to "
            "recognise online abuse and to support victims, and coordinated with one another.",
            "The professionals children meet every day are often the first to notice abuse; without training "
            "they miss the signs or respond in ways that cause harm.",
            "National training standards, clear referral routes, and support for staff who deal with distressing "
            "cases.",
        ),
        (
            10,
            "compensation-remedies-and-complaints",
            "Compensation, remedies and complaints arrangements",
            "Accessible ways for victims to seek compensation and remedies and to complain.",
            "Procedures through which victims can obtain compensation and other remedies, and complain about the "
            "way they were treated, that children and families can actually use.",
            "Justice for victims includes redress; procedures that are hard to use leave children without "
            "recognition of the harm done to them.",
            "Simple, child-friendly procedures, legal support for victims, and information given to families at "
            "the right time.",
        ),
        (
            11,
            "child-helpline",
            "Child helpline",
            "A helpline where children can report abuse, get support and be referred for further help.",
            "A free national helpline, staffed by trained counsellors, that children can reach by phone and "
            "online to report abuse, get support and be referred to other services.",
            "Many children tell no adult around them; a helpline gives them somewhere safe to turn, when they "
            "are ready.",
            "The helpline is free, well known to children, available when they need it, and connected to "
            "police and child protection services for referrals.",
        ),
    ],
    "societal": [
        (
            12,
            "csea-hotline",
            "CSEA hotline",
            "A way for the public to report abuse material online, linked to police and internet companies.",
            "A national hotline where anyone can report child sexual abuse material found online, with links to "
            "law enforcement and internet service providers so that material is removed.",
            "Members of the public often find material before anyone else; a hotline turns what they see into "
            "removal and, where possible, the rescue of a child.",
            "The hotline is easy to find and use, accepts anonymous reports, has trained analysts, and is "
            "connected to the international network of hotlines.",
        ),
        (
            13,
            "education-programme",
            "Education programme",
            "Education for children, parents and carers, teachers, practitioners and faith leaders.",
            "A national programme that teaches children and young people, parents and carers, teachers, "
            "practitioners and faith representatives about the risks online and what to do about them.",
            "People who understand the risks can protect children and recognise when something is wrong; "
            "children who know their rights are more likely to ask for help.",
            "Age-appropriate materials, delivered through schools and communities, tested with children and "
            "updated as their lives online change.",
        ),
        (
            14,
            "child-participation",
            "Child participation",
            "Children and young people have a voice in policy and practice.",
            "Ways for children and young people to take part in designing the policies and services meant to "
            "protect them.",
            "Children know their online lives better than adults do; responses designed without them often miss "
            "what matters most.",
            "Regular, safe and meaningful consultation with diverse groups of children, with feedback on how "
            "their views were used.",
        ),
        (
            15,
            "offender-support-systems",
            "Offender support systems",
            "Medical, psychological and self-help support, and awareness, to prevent offending.",
            "Services that help people who are worried about their sexual thoughts about children to stop before "
            "they offend, including medical and psychological help and self-help resources.",
            "Preventing abuse before it happens protects children that no investigation could ever reach.",
            "Confidential help that people can find and use, awareness campaigns that point to it, and "
            "evaluation of what works.",
        ),
    ],
    "industry": [
        (
            16,
            "takedown-procedures",
            "Takedown procedures",
            "Local removal and blocking of child sexual abuse material online.",
            "Procedures through which companies operating in the country remove or block child sexual abuse "
            "material quickly once it is reported.",
            "Every time material is viewed or shared, the child in it is harmed again; fast removal limits that harm.",
            "Agreed timescales, cooperation between hotlines, police and companies, and lists of known material "
            "used to stop it being uploaded again.",
        ),
        (
            17,
            "csea-reporting",
            "CSEA reporting",
            "Legal protection for companies to report abuse, and the material, to the authorities.",
            "Statutory protections that allow companies to report child sexual exploitation and abuse, including "
            "the material itself, to law enforcement or a designated agency.",
            "Companies detect a great deal of abuse on their services; without legal clarity they may hesitate "
            "to report, and evidence is lost.",
            "A clear legal duty or permission to report, a designated agency to receive reports, and secure ways "
            "of handling material.",
        ),
        (
            18,
            "innovative-solution-development",
            "Innovative solution development",
            "Industry working with others to tackle the country's own problems.",
            "Engagement between government, industry and others to develop technical solutions to the particular "
            "forms of online exploitation seen in the country.",
            "The technology that enables abuse can also detect and prevent it; local problems need solutions "
            "that fit local services, languages and risks.",
            "Shared problem statements, access to expertise and tools for smaller companies, and child safety "
            "designed into products from the start.",
        ),
        (
            19,
            "corporate-social-responsibility",
            "Corporate social responsibility",
            "An effective programme in each company that puts children first.",
            "A child-focused programme in each company that sets out how it protects children on its services "
            "and supports the national response.",
            "Companies shape the environments where children spend their time online; their policies and "
            "priorities decide how safe those environments are.",
            "Published child safety policies, safety by design, transparency about reports and removals, and "
            "support for education and prevention.",
        ),
    ],
    "media-and-communications": [
        (
            20,
            "ethical-and-informed-media-reporting",
            "Ethical and informed media reporting",
            "Media reporting that builds awareness and an accurate understanding of the problem.",
            "Reporting by the media that raises public awareness of online child sexual exploitation, explains "
            "it accurately and respects the privacy and dignity of victims.",
            "The public's understanding of abuse comes largely from the media; sensational or careless reporting "
            "can identify victims, spread myths and discourage children from coming forward.",
            "Guidelines for journalists, training and briefings from experts, and cooperation that never "
            "compromises a child's identity.",
        ),
        (
            21,
            "universal-terminology",
            "Universal terminology",
            "Shared guidelines on terminology, such as the Luxembourg Guidelines, and their use.",
            "Agreement on the words used to describe the sexual exploitation and abuse of children, following "
            "the Luxembourg Guidelines, and their use by everyone involved.",
            "Words matter: terms that suggest consent or minimise harm hurt victims, and inconsistent terms make "
            "it harder for countries and agencies to work together.",
            "Agencies, media and industry adopt the guidelines, train staff in them, and use them in law, policy "
            "and public communication.",
        ),
    ],
}
