import { describe, expect, it } from 'vitest';
import { CommentText, MAX_COMMENT_LENGTH } from '#shared/domain/model/comment.ts';

describe('CommentText', () => {
  it('trims, keeps line breaks, and normalises Windows line ends', () => {
    expect(CommentText.parse('  first line\r\nsecond  ')).toBe('first line\nsecond');
  });

  it('refuses an empty comment, an over-long one, and direction-override or control characters', () => {
    expect(CommentText.safeParse(' \n ').success).toBe(false);
    expect(CommentText.safeParse('x'.repeat(MAX_COMMENT_LENGTH + 1)).success).toBe(false);
    expect(CommentText.safeParse('pay \u202eevil').success).toBe(false);
    expect(CommentText.safeParse('bell\u0007').success).toBe(false);
    expect(CommentText.safeParse('Здравейте, 42 деца').success).toBe(true);
  });
});
