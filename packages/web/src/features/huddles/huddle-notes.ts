import type { PersonHuddleNotes } from '@kith/core';

type Note = PersonHuddleNotes['notes'][number];

/** The notes in the order the API gives them (newest meeting first), one group per meeting. */
export function byMeeting(notes: readonly Note[]): Array<{ meetingId: string; meetingTitle: string; meetingState: Note['meetingState']; notes: Note[] }> {
  const groups: ReturnType<typeof byMeeting> = [];
  for (const note of notes) {
    const last = groups.at(-1);
    if (last?.meetingId === note.meetingId) last.notes.push(note);
    else groups.push({ meetingId: note.meetingId, meetingTitle: note.meetingTitle, meetingState: note.meetingState, notes: [note] });
  }
  return groups;
}
