import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AssessmentHistory, AssessmentSectionSave, AssessmentView } from '@kith/core';
import { apiRequest } from '../../api/client';
import { personKey } from '../people/record';

const assessmentKey = (personId: string) => [...personKey(personId), 'assessment'];
const assessmentPath = (personId: string) => `/people/${encodeURIComponent(personId)}/assessment`;

/** GET /people/:id/assessment: the one trusted assessment, as every organisation with access sees it. */
export function useAssessment(personId: string) {
  return useQuery({
    queryKey: assessmentKey(personId),
    queryFn: ({ signal }) => apiRequest<AssessmentView>(assessmentPath(personId), { signal }),
  });
}

export function useAssessmentHistory(personId: string) {
  return useQuery({
    queryKey: [...assessmentKey(personId), 'versions'],
    queryFn: ({ signal }) => apiRequest<AssessmentHistory>(`${assessmentPath(personId)}/versions`, { signal }),
  });
}

/** Saves one section as a new version, based on the version the form was opened at. */
export function useSaveSection(personId: string, section: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (save: AssessmentSectionSave) =>
      apiRequest<AssessmentView>(`${assessmentPath(personId)}/sections/${encodeURIComponent(section)}`, { method: 'PUT', body: save }),
    onSuccess: (view) => {
      client.setQueryData(assessmentKey(personId), view);
      void client.invalidateQueries({ queryKey: [...assessmentKey(personId), 'versions'] });
    },
  });
}
