/** A field's problems as the server reported them, linked to the field with aria-describedby. */
export function FieldProblems({ id, problems }: { id: string; problems: string[] }) {
  if (problems.length === 0) return null;
  return (
    <ul id={id} className="text-sm text-red-800" data-testid="field-problem">
      {problems.map((problem) => (
        <li key={problem}>{problem}</li>
      ))}
    </ul>
  );
}
