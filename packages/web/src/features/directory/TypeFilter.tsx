import { ChoiceGroup } from '../../components/ChoiceGroup';
import { Select } from '../../components/Select';
import { useTaxonomyTerms } from './api';

/** Up to this many types are offered as checkboxes; a longer vocabulary is a select, one type at a time. */
const MOST_CHECKBOXES = 15;
const LEGEND = 'Type of service or activity';

/** The type filter, from the directory's vocabulary; the form works without it while it loads. */
export function TypeFilter({ chosen, error }: { chosen: string[]; error?: string }) {
  const terms = useTaxonomyTerms();
  if (terms.isPending) return null;
  if (terms.isError) {
    return <p className="nhsuk-body-s nhsuk-u-secondary-text-colour">The types of service could not be loaded. Search by words instead.</p>;
  }
  // One box per code, even when two vocabularies share one.
  const byCode = new Map(terms.data.map((term) => [term.code, term.name]));
  const options = [...byCode]
    .map(([value, text]) => ({ value, text }))
    .sort((a, b) => a.text.localeCompare(b.text, 'en-GB'));
  if (options.length === 0) return null;
  if (options.length > MOST_CHECKBOXES) {
    return (
      <Select
        id="taxonomy"
        label={LEGEND}
        options={[{ value: '', text: 'Any type' }, ...options]}
        defaultValue={chosen[0] ?? ''}
        error={error}
      />
    );
  }
  return (
    <ChoiceGroup
      id="taxonomy"
      name="taxonomy"
      type="checkbox"
      small
      legend={LEGEND}
      hint="Select all that apply"
      choices={options}
      defaultChosen={chosen}
      error={error}
    />
  );
}
