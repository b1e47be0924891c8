import { GraphQLError } from 'graphql';
import {
  chargeDuplicateCheck,
  checkNewLearner,
  insertLearner,
  profileColumns,
} from '../learner/learner.service.js';
import { enrollIn } from './enroll-learner.command.js';
import { type AnsweredOutcome, enrollmentCommand, type Writer } from './enrollment-command.js';
import { schoolOf } from './enrollment-records.js';
import { type EnrollNewLearnerInput } from './enrollment.input.js';

/**
 * A learner with no record, registered and enrolled as one act (issue 21): the profile checked
 * (SPEC §3), the record made after the duplicate search (uniqueness first, DO 03 s. 2018 §VI),
 * then the enrolment judged and written (§V.A-§V.D), all in one transaction, so a refusal of
 * either leaves neither: no half-made record without an LRN that a later search finds and the
 * duplicate check holds against the same child. A replay with the same key answers the enrolment.
 */
export async function enrollNewLearner(
  writer: Writer,
  input: EnrollNewLearnerInput,
  idempotencyKey?: string | null,
): Promise<AnsweredOutcome> {
  const { viewer } = writer;
  schoolOf(viewer);
  const person = checkNewLearner(viewer, input.learner, 'input.learner');
  try {
    return await enrollmentCommand(writer, 'enrollNewLearner', input, idempotencyKey, async (m) => {
      const learner = await insertLearner(m, viewer, input.learner, person);
      return enrollIn(m, viewer, { ...input.enrollment, learnerId: learner.id }).catch(
        (error: unknown) => {
          throw onTheForm(error);
        },
      );
    });
  } catch (error) {
    await chargeDuplicateCheck(writer.dataSource, viewer, error);
    throw error;
  }
}

const profileFields: ReadonlySet<string> = new Set(Object.keys(profileColumns));

/**
 * `enrollIn` names the fields of `enrollLearner`'s input; here they are the form's: the
 * learner's own (the birth date the plan judges) under `input.learner`, the rest under
 * `input.enrollment`, so the form shows each refusal beside the field it concerns.
 */
function formPath(field: string): string {
  const name = /^input\.(\w+)/.exec(field)?.[1];
  if (!name) return field;
  if (name === 'learnerId') return 'input.learner';
  const part = profileFields.has(name) ? 'learner' : 'enrollment';
  return field.replace(/^input\./, `input.${part}.`);
}

function onTheForm(error: unknown): unknown {
  if (!(error instanceof GraphQLError)) return error;
  const ext = error.extensions as { field?: unknown; errors?: { field: string; rule: string }[] };
  if (typeof ext.field !== 'string' && !ext.errors) return error;
  return new GraphQLError(error.message.replace(/\binput\.[\w.]+/g, formPath), {
    extensions: {
      ...error.extensions,
      ...(typeof ext.field === 'string' ? { field: formPath(ext.field) } : {}),
      ...(ext.errors
        ? { errors: ext.errors.map((e) => ({ ...e, field: formPath(e.field) })) }
        : {}),
    },
  });
}
