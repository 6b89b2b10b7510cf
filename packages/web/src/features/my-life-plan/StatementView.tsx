import { isPersonsOwnWords, type PlanComment, type Statement } from '@kith/core';
import { authorInWords, bylineOf, dayOf } from './plan-words';

/**
 * A statement as the plan shows it. The person's own words are quoted and say so in words, so
 * their voice is never told from a professional's by styling alone; then who wrote it and when.
 */
export function StatementWords({ statement }: { statement: Statement }) {
  const own = isPersonsOwnWords(statement);
  return (
    <>
      {own ? (
        <>
          <p className="kith-plan__voice">In their own words</p>
          <blockquote className="kith-plan__quote">
            <p>“{statement.text}”</p>
          </blockquote>
        </>
      ) : (
        <p className="kith-plan__text">{statement.text}</p>
      )}
      <p className="nhsuk-body-s nhsuk-u-secondary-text-colour kith-plan__byline">{bylineOf(statement)}</p>
    </>
  );
}

/** Comments answering a statement, oldest first, each with who and when. */
export function Comments({ comments }: { comments: readonly PlanComment[] }) {
  if (comments.length === 0) return null;
  return (
    <div className="kith-plan__comments">
      <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">
        <strong>{comments.length === 1 ? 'Comment' : `Comments (${comments.length})`}</strong>
      </p>
      <ul className="nhsuk-list nhsuk-body-s">
        {comments.map((comment) => (
          <li key={comment.id}>
            <span className="kith-plan__text">{comment.text}</span>
            <br />
            <span className="nhsuk-u-secondary-text-colour">
              {authorInWords(comment.by)}, {dayOf(comment.at)}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function StatementItem({ statement }: { statement: Statement }) {
  return (
    <li className="kith-plan__statement">
      <StatementWords statement={statement} />
      <Comments comments={statement.comments} />
    </li>
  );
}
