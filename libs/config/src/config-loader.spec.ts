import { Type } from '@sinclair/typebox';
import { ConfigError, loadConfig } from './config-loader';

describe(loadConfig.name, () => {
  const schema = Type.Object({
    PORT: Type.Integer({ default: 3001, minimum: 1, maximum: 65535, description: 'HTTP port' }),
    DATABASE_URL: Type.String({ pattern: '^postgres://', description: 'PostgreSQL URL' }),
    FLAG: Type.Boolean({ default: false }),
  });

  it('coerces strings and applies defaults', () => {
    const config = loadConfig(schema, { DATABASE_URL: 'postgres://x/y', FLAG: 'true' });
    expect(config).toEqual({ PORT: 3001, DATABASE_URL: 'postgres://x/y', FLAG: true });
  });

  it('names every bad variable with its description', () => {
    let error: unknown;
    try {
      loadConfig(schema, { PORT: 'abc' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toContain('PORT');
    expect(message).toContain('HTTP port');
    expect(message).toContain('DATABASE_URL');
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig(schema, { DATABASE_URL: 'postgres://a', PORT: '' }).PORT).toBe(3001);
  });
});
