import { type Column } from '@repo/ui/DataTable';
import { Link } from 'react-router';
import { type DocumentsDueQuery } from '../../gql/graphql.js';
import { routes } from '../../routes.js';
import { documentLabel } from '../enrollment/enrollment-labels.js';
import { gradeLabel } from '../labels.js';

export type DocumentDue = DocumentsDueQuery['documentsDue']['rows'][number];

const dateFormat = new Intl.DateTimeFormat('en-PH', { dateStyle: 'medium', timeZone: 'UTC' });

/** "Dela Cruz, Juan Santos Jr.": the name as a class list writes it. */
export const learnerName = (d: DocumentDue) =>
  [`${d.lastName},`, d.firstName, d.middleName, d.extensionName].filter(Boolean).join(' ');

/** The days left as the follow-up reads them. */
export const daysLeftText = (daysLeft: number) =>
  daysLeft < 0 ? `Overdue by ${-daysLeft}` : daysLeft === 0 ? 'Due today' : String(daysLeft);

/**
 * The follow-up list's columns, on screen and in its CSV: who, where, what is missing and by when;
 * the list carries no birth date, sex, address or category (docs/privacy.md).
 */
export const documentsDueColumns: Column<DocumentDue>[] = [
  {
    key: 'school',
    header: 'School',
    value: (d) => d.school.name,
    render: (d, text) => <Link to={routes.school(d.school.schoolId)}>{text}</Link>,
  },
  { key: 'district', header: 'District', value: (d) => d.school.district?.name ?? null },
  { key: 'learner', header: 'Learner', value: learnerName },
  { key: 'lrn', header: 'LRN', value: (d) => d.lrn ?? null },
  { key: 'grade', header: 'Grade', value: (d) => gradeLabel[d.gradeLevel] },
  {
    key: 'missing',
    header: 'Missing documents',
    value: (d) => d.missingDocuments.map((doc) => documentLabel[doc]).join(', '),
  },
  {
    key: 'due',
    header: 'Due by',
    value: (d) => dateFormat.format(new Date(`${d.documentsDueBy}T00:00:00Z`)),
    sortValue: (d) => d.documentsDueBy,
  },
  {
    key: 'days',
    header: 'Days left',
    value: (d) => daysLeftText(d.daysLeft),
    sortValue: (d) => d.daysLeft,
  },
];
