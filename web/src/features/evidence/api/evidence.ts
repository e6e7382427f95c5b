import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from '../../../lib/api-client.ts';

/** A file of a task, as the API lists it. */
export interface Attachment {
  attachmentId: string;
  taskId: string;
  name: string;
  size: number;
  status: 'PENDING' | 'STORED' | 'REJECTED' | 'DELETED' | 'EXPIRED';
  contentType?: string;
  personal?: boolean;
  uploadedBy: { userId?: string; name?: string; role: string };
  createdAt: string;
  storedAt?: string;
}

/** A request the browser makes straight to the file store (a presigned URL). */
interface SignedRequest {
  url: string;
  method: 'PUT' | 'GET';
  headers: Record<string, string>;
  expiresAt: string;
}

/** One comment of a task's thread. */
export interface Comment {
  commentId: string;
  author: { userId?: string; name: string; role: string };
  text: string;
  locale?: string;
  mentions: string[];
  status: 'ACTIVE' | 'DELETED';
  createdAt: string;
  editedAt?: string;
  edits: number;
}

/** The types a file may have (the server checks the content again). */
export const ACCEPT =
  '.pdf,.png,.jpg,.jpeg,.webp,.docx,.xlsx,.pptx,.odt,.ods,.odp,.doc,.xls,.ppt,application/pdf,image/png,image/jpeg,image/webp';
/** What a browser that does not know a type sends is mapped to the type the name says (the server checks). */
const TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
};
export const typeOf = (file: File) =>
  file.type && Object.values(TYPES).includes(file.type)
    ? file.type
    : (TYPES[file.name.split('.').pop()?.toLowerCase() ?? ''] ?? file.type);

const base = (taskId: string) => `/tasks/${encodeURIComponent(taskId)}`;

export function useAttachments(taskId: string) {
  return useQuery({
    queryKey: ['attachments', taskId],
    queryFn: ({ signal }) => api<{ items: Attachment[] }>('GET', `${base(taskId)}/attachments`, { signal }),
  });
}

/** Announces a file, sends its bytes to the signed URL, and has the server check and keep it. */
export function useUpload(taskId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ file, personal }: { file: File; personal: boolean }) => {
      const announced = await api<{ attachment: Attachment; upload: SignedRequest }>(
        'POST',
        `${base(taskId)}/attachments`,
        {
          body: {
            name: file.name,
            contentType: typeOf(file),
            size: file.size,
            ...(personal ? { personal: true } : {}),
            clientToken: crypto.randomUUID().replace(/-/g, ''),
          },
        },
      );
      const sent = await fetch(announced.upload.url, {
        method: 'PUT',
        headers: announced.upload.headers,
        body: file,
      });
      if (!sent.ok) throw new ApiError(sent.status, 'UPLOAD_FAILED', sent.statusText);
      return api<Attachment>(
        'POST',
        `${base(taskId)}/attachments/${encodeURIComponent(announced.attachment.attachmentId)}/confirm`,
      );
    },
    onSettled: () => void client.invalidateQueries({ queryKey: ['attachments', taskId] }),
  });
}

/** Opens a file through a short-lived link (the link is fetched when asked for, never kept). */
export async function downloadAttachment(taskId: string, attachmentId: string) {
  const { download } = await api<{ download: SignedRequest }>(
    'GET',
    `${base(taskId)}/attachments/${encodeURIComponent(attachmentId)}`,
  );
  window.location.assign(download.url);
}

export function useDeleteAttachment(taskId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (attachmentId: string) =>
      api('DELETE', `${base(taskId)}/attachments/${encodeURIComponent(attachmentId)}`),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['attachments', taskId] }),
  });
}

export function useComments(taskId: string) {
  return useQuery({
    queryKey: ['comments', taskId],
    queryFn: ({ signal }) => api<{ items: Comment[] }>('GET', `${base(taskId)}/comments`, { signal }),
  });
}

export function useAddComment(taskId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { text: string; mentions: string[]; clientToken: string }) =>
      api<Comment>('POST', `${base(taskId)}/comments`, { body }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['comments', taskId] }),
  });
}

export function useDeleteComment(taskId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (commentId: string) =>
      api<Comment>('DELETE', `${base(taskId)}/comments/${encodeURIComponent(commentId)}`),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['comments', taskId] }),
  });
}

/** The group described in numbers only. */
export interface GenderBalance {
  women: number;
  men: number;
  otherOrUndisclosed: number;
}

/** The public page's consent, as the API returns it. */
export interface PublicationStatus {
  published: boolean;
  publication?: {
    consents: { municipality?: { givenAt: string }; cag?: { givenAt: string } };
    genderBalance?: GenderBalance;
  };
}

export function usePublication(municipalityId: string | undefined) {
  return useQuery({
    queryKey: ['publication', municipalityId],
    queryFn: ({ signal }) =>
      api<PublicationStatus>(
        'GET',
        `/municipalities/${encodeURIComponent(municipalityId ?? '')}/publication`,
        {
          signal,
        },
      ),
    enabled: Boolean(municipalityId),
  });
}

export function useChangeConsent(municipalityId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (change: { consent: boolean; genderBalance?: GenderBalance }) =>
      api<PublicationStatus>(
        change.consent ? 'PUT' : 'DELETE',
        `/municipalities/${encodeURIComponent(municipalityId)}/publication/consent`,
        change.consent ? { body: change.genderBalance ? { genderBalance: change.genderBalance } : {} } : {},
      ),
    onSuccess: (status) => client.setQueryData(['publication', municipalityId], status),
  });
}
