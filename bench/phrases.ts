/**
 * The words the benchmark corpus is made of: bodies, people, agenda items and
 * the sentences councils, NHS boards and foundations write in their minutes,
 * terms of reference, resolutions and timelines (after ../shared/examples and
 * ../shared/corpus/real-world). Slots in braces are filled by the generator.
 */

export const PLACES = [
  'Trafford', 'Gloucestershire', 'Cheshire East', 'North Somerset', 'Calderdale', 'Wirral', 'Kirklees', 'Norfolk',
  'Cumbria', 'Leeds', 'Bristol', 'Cardiff and Vale', 'Swansea Bay', 'Hywel Dda', 'Oxfordshire', 'Suffolk',
  'Derbyshire', 'Stockport', 'Sefton', 'Bradford', 'Wiltshire', 'Dorset', 'Lincolnshire', 'Salford',
];

export const BODY_KINDS = [
  'Health and Wellbeing Board', 'Audit and Governance Committee', 'Integrated Care Partnership', 'Quality and Safety Committee',
  'Finance and Performance Committee', 'Overview and Scrutiny Committee', 'Children and Young People Partnership',
  'Safeguarding Adults Board', 'Planning Committee', 'Remuneration Committee', 'Technical Steering Committee',
  'People and Culture Committee', 'Climate Emergency Working Group', 'Pension Fund Committee', 'Licensing Committee',
];

export const ORGANISATIONS = [
  '{place} Council', 'NHS {place} Clinical Commissioning Group', 'Healthwatch {place}', '{place} Community Voluntary Service',
  '{place} Fire and Rescue Service', '{place} Police', 'Manchester University NHS Foundation Trust', '{place} Housing Trust',
  'University of {place}', '{place} Chamber of Commerce', 'Public Health {place}', '{place} Primary Care Network',
];

export const SURNAMES = [
  'Slater', 'Johnston', 'Brophy', 'Blackburn', 'Eaton', 'Fairfield', 'Holden', 'Jarvis', 'Noble', 'Roaf', 'Evans',
  'Pritchard', 'Harding', 'Hynes', 'Bailey', 'Duggan', 'Radcliffe', 'Hill', 'McGregor', 'Okafor', 'Patel', 'Khan',
  'Williams', 'Jones', 'Davies', 'Thomas', 'Hughes', 'Lewis', 'Morgan', 'Price', 'Ahmed', 'Clarke', 'Nowak', 'Singh',
  'Walsh', 'Murphy', 'Campbell', 'Stewart', 'Reid', 'Fraser', 'Wardle', 'Horton', 'Maloney', 'Murray', 'Wareing',
];

export const TITLES = ['Councillor', 'Councillor', 'Councillor', 'Dr.', 'Professor', '', '', '', ''];

export const ROLES = [
  'Director of Public Health', 'Corporate Director of Adult Services', 'Corporate Director of Children\'s Services',
  'Chief Finance Officer', 'Monitoring Officer', 'Head of Governance', 'Governance Officer', 'Democratic Services Officer',
  'Programme Director', 'Chief Nurse', 'Medical Director', 'Head of Strategic Planning', 'Director of Place',
  'Head of Internal Audit', 'Chief Operating Officer', 'Assistant Director for Commissioning',
];

export const SEATS = [
  'Executive Member for Health, Wellbeing and Equalities', 'Executive Member for Adult Social Care',
  'Executive Member for Children\'s Services', 'Shadow Executive Member for Health', 'Opposition Group Councillor',
  'Corporate Director of Children\'s Services', 'Corporate Director of Adult Services', 'Director of Public Health',
  'CCG Accountable Officer', 'Chair of Healthwatch', 'Third Sector representative', 'Independent Chair, Safeguarding Board',
  'Chair of the Community Safety Partnership', 'Chief Executive of an acute provider', 'Fire and Rescue Service representative',
  'Housing provider representative', 'Primary care representative', 'Lay member', 'Independent member', 'Staff side representative',
];

export const TOPICS = [
  'COVID 19 Outbreak Plan', 'Winter Plan', 'Better Care Fund Plan', 'Joint Strategic Needs Assessment', 'Budget Monitoring Report',
  'Annual Governance Statement', 'Internal Audit Progress Report', 'Risk Register', 'Mental Health Transformation Programme',
  'Safeguarding Annual Report', 'Carers Strategy', 'Health Inequalities Action Plan', 'Workforce Plan', 'Capital Programme',
  'Treasury Management Strategy', 'Local Care Alliance: Recovery and Reform', 'Child Death Overview Panel Report',
  'Pharmaceutical Needs Assessment', 'Climate Action Plan', 'Digital Inclusion Strategy', 'Performance Scorecard',
  'Complaints and Compliments Annual Report', 'Medium Term Financial Strategy', 'Estates Strategy', 'Equality Objectives',
  'Urgent and Emergency Care Recovery Plan', 'Homelessness Prevention Strategy', 'Suicide Prevention Strategy',
];

/** Sentences of the discussion under an agenda item. */
export const DISCUSSION = [
  'The {role} presented the report, which set out progress against each of the priorities agreed by the {body} in {month}.',
  'Members noted that the figures for {place} remained above the regional average and asked for a further breakdown by ward.',
  'In response to a question from {person}, the {role} confirmed that the additional funding of £{amount} had been allocated.',
  'The Board discussed the risks to delivery, in particular the recruitment of qualified staff and the pressure on social care budgets.',
  'It was reported that the consultation had closed on {longdate} and that {count} responses had been received.',
  'The {role} explained that the plan had to be submitted to NHS England by {longdate} and would be reported back to the next meeting.',
  '{person} welcomed the report and thanked officers for the work undertaken with partners across the system.',
  'Members asked how the outcomes would be measured; the {role} agreed to circulate the measurement framework after the meeting.',
  'The Committee was informed that the overspend of £{amount} was largely due to increased demand for placements.',
  'A discussion took place about the engagement of residents, and the importance of reaching groups who do not usually respond.',
  'The Chair reminded members that the [report]({url}) had been published with the agenda and invited questions.',
  'The {role} gave a presentation on the **key findings** of the review, a copy of which is attached to these minutes.',
  'Members were advised that the _interim_ arrangements would remain in place until the new structure was agreed.',
  'It was noted that the action plan would be refreshed following the publication of the national guidance.',
  'The {body} considered the recommendations of the working group, which had met {count} times since the last meeting.',
  'Concern was expressed about waiting times, and the {role} undertook to provide an update on the recovery trajectory.',
  'The internal auditor reported that {count} of the agreed actions had been completed and the remainder were on track.',
  'Members agreed that the item be deferred to allow the financial implications to be set out in full.',
  'The {role} advised that the partnership would continue to monitor the position through the performance dashboard.',
  'Following debate, the Chair moved the recommendations set out in section 3 of the report, which were seconded by {person}.',
];

/** The resolved clauses themselves. */
export const RESOLUTIONS = [
  'That the report be noted.',
  'That the {topic} be approved.',
  'That the update on the {topic} be noted.',
  'That the recommendations set out in the report be agreed.',
  'That the {role} be authorised to finalise the plan in consultation with the Chair.',
  'That a further report be brought to the {body} in {month}.',
  'That the {topic} be circulated to Board members once completed.',
  'That the changes listed within the report be agreed by the Board.',
  'That the funding allocation of £{amount} be approved for {year}.',
  'That the risks identified in the report be added to the corporate risk register.',
  'That the terms of reference of the working group be approved.',
  'That the Board endorses the priorities set out in appendix A.',
  'That the measurement framework come to the Board before the end of the year.',
  'That the {role} and the Chair meet to discuss the proposed changes.',
];

export const RESOLVED_LABELS = ['RESOLVED:', 'RESOLVED:', 'RESOLVED:', '**RESOLVED:**', 'Resolved that:', 'Agreed:', 'Decision:'];

export const FUNCTIONS = [
  'To provide strong leadership and direction of the health and wellbeing agenda by agreeing priority outcomes.',
  'To develop a shared understanding of the needs of the local population and lead the Joint Strategic Needs Assessment.',
  'To produce a Joint Health and Wellbeing Strategy for {place} and ensure that it drives the commissioning of relevant services.',
  'To promote joined-up commissioning plans across the NHS, social care and public health.',
  'To have oversight of local commissioning plans and the delivery of the Better Care Fund.',
  'To monitor and review the delivery of improvements and outcomes through robust performance monitoring.',
  'To review the adequacy of the risk management framework and the associated control environment.',
  'To approve the annual internal audit plan and monitor its delivery.',
  'To consider the annual governance statement before it is approved by the Council.',
  'To scrutinise the financial performance of the organisation and the delivery of the savings programme.',
  'To receive assurance on the quality and safety of services commissioned and provided.',
  'To engage with residents, service users and the voluntary sector in the development of strategy.',
  'To oversee the implementation of the climate emergency declaration and report progress to the Cabinet.',
  'To make recommendations to the Council on matters within its remit.',
  'To establish sub-groups and task and finish groups as required, and to receive their reports.',
];

export const TOR_PROSE = {
  chair: [
    'The Chair rotates on an annual basis between {org} and {org2}.',
    'The Chair is appointed by the Council at its annual meeting; the Vice-Chair is appointed by the Board from among its voting members.',
    'In the absence of the Chair and the Vice-Chair, the members present shall elect a Chair for that meeting.',
  ],
  quorum: [
    'The Board is quorate when {words} voting members are present, including at least one elected member.',
    'A quorum shall be one third of the voting members, including the Chair or Vice-Chair.',
    'No business shall be transacted unless at least {words} voting members are present.',
  ],
  meetings: [
    'The Board meets at least four times a year in public, in accordance with the Access to Information Procedure Rules.',
    'Meetings are held bi-monthly; extraordinary meetings may be called by the Chair on five clear working days\' notice.',
    'Agendas and reports are published at least five clear working days before each meeting on the council\'s website.',
  ],
  voting: [
    'Decisions are normally reached by consensus. Where a vote is required, each voting member has one vote and the Chair has a casting vote.',
    'Only voting members may vote. Substitutes may vote where notice has been given to the Governance Officer before the meeting.',
  ],
  review: [
    'These terms of reference will be reviewed annually, or sooner if legislation or guidance changes.',
    'The Board will review its terms of reference and effectiveness every two years and recommend changes to the Council.',
  ],
};

export const MILESTONES = [
  'Joint workshop of the {body} and the Integrated Care Board agrees outcomes and activities.',
  '{body} discusses and reviews the progress of the activities agreed at the joint workshop.',
  '{body} considers proposals on the development of the partnership and amendments to the terms of reference.',
  'Constitution Committee considers the outcomes of the Board\'s decision for inclusion in the Constitution.',
  'Full Council ratifies the Constitution Committee decision.',
  'Public consultation opens on the draft {topic}.',
  'Public consultation closes; responses analysed by the {role}.',
  'Draft {topic} published for comment by partners.',
  'Final {topic} submitted to the {body} for approval.',
  'Business case approved by the Finance and Performance Committee.',
  'Procurement of the new service completed and contract awarded.',
  'New service goes live across {place}.',
  'Six-month evaluation reported to the {body}.',
  'Shadow arrangements in place ahead of the statutory transfer.',
  'Statutory transfer of functions to the Integrated Care Board.',
];

export const STATUS_TAGS = ['[done]', '[done]', '[planned]', '[at risk]', '[delayed]', '[tbc]', '', '', ''];

export const BACKGROUND = [
  'The {body} has a statutory duty to prepare and publish a {topic} and to keep it under review.',
  'At its meeting on {longdate} the {body} asked officers to bring forward proposals following the consultation.',
  'The proposals have been developed with partners across {place}, including the voluntary and community sector.',
  'The financial implications of the proposals are set out in the table below and have been reviewed by the Chief Finance Officer.',
  'Legal advice has been taken on the proposals, and the Monitoring Officer is satisfied that the decision is within the powers of the {body}.',
  'An equality impact assessment has been completed and is available on request from the Governance Officer.',
  'The alternative options considered, and the reasons for rejecting them, are set out in section 4 of the [report]({url}).',
  'The decision is not a key decision within the meaning of the Constitution and is not subject to call-in.',
];

export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
export const NUMBER_WORDS = ['three', 'four', 'five', 'six', 'seven', 'eight'];
