import {
  Controller,
  type DynamicModule,
  Get,
  Inject,
  Module,
  NotFoundException,
  Param,
} from '@nestjs/common';
import { renderJsonSchemas } from '@newsflow/contracts';
import { type JsonObject } from './openapi-document';

const OPENAPI_DOCUMENT = Symbol('OPENAPI_DOCUMENT');
const ASYNCAPI_DOCUMENT = Symbol('ASYNCAPI_DOCUMENT');

/** GET /openapi.json: the service's own OpenAPI document, the same one `npm run docs` commits. */
@Controller()
class OpenApiController {
  constructor(@Inject(OPENAPI_DOCUMENT) private readonly document: JsonObject) {}

  @Get('openapi.json')
  openapi(): JsonObject {
    return this.document;
  }
}

/** GET /asyncapi.json and the event JSON Schemas its messages refer to (`schemas/<topic>.json`). */
@Controller()
class AsyncApiController {
  private readonly schemas = renderJsonSchemas();

  constructor(@Inject(ASYNCAPI_DOCUMENT) private readonly document: JsonObject) {}

  @Get('asyncapi.json')
  asyncapi(): JsonObject {
    return this.document;
  }

  @Get('schemas/:name')
  schema(@Param('name') name: string): unknown {
    const content = Object.hasOwn(this.schemas, name) ? this.schemas[name] : undefined;
    if (content === undefined) throw new NotFoundException(`no event schema ${name}`);
    return JSON.parse(content) as unknown;
  }
}

export interface ApiDocumentsOptions {
  openapi: JsonObject;
  /** Only the service that serves the AsyncAPI document (the indexer) passes one. */
  asyncapi?: JsonObject;
}

@Module({})
export class ApiDocumentsModule {
  static forRoot({ openapi, asyncapi }: ApiDocumentsOptions): DynamicModule {
    return {
      module: ApiDocumentsModule,
      controllers: asyncapi ? [OpenApiController, AsyncApiController] : [OpenApiController],
      providers: [
        { provide: OPENAPI_DOCUMENT, useValue: openapi },
        ...(asyncapi ? [{ provide: ASYNCAPI_DOCUMENT, useValue: asyncapi }] : []),
      ],
    };
  }
}
