import { Module } from '@nestjs/common';
import { ConsoleHostService } from './console-host.service.js';

/** The operator console's static files and sign-in settings, served by the node at `/console/`. */
@Module({ providers: [ConsoleHostService], exports: [ConsoleHostService] })
export class ConsoleHostModule {}
