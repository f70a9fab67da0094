import { Inject, Module, type DynamicModule, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Diagnostics, MetricsRecorder, MonitoringModule } from '@ots/monitoring';
import { accounted } from './accounted-registers.js';
import { DataUsageEntity } from './data-usage.entity.js';
import { DataUsageLedger } from './data-usage.ledger.js';
import { DataUsageResolver } from './data-usage.resolver.js';
import { HttpRegisters, type RegisterCallObserver } from './http-registers.js';
import { NATIONAL_REGISTERS, type NationalRegisters } from './national-registers.js';
import { registersConfig, type RegistersConfig } from './registers.config.js';
import { RegisterError } from './registers.errors.js';
import { loadFileRegisters, type FileRegisters } from './file-registers.js';

/** The registers' configuration and, for the file adapter, the demo file's records, both validated before start-up. */
export interface RegistersSeed {
  config: RegistersConfig;
  file?: FileRegisters;
}

/** Reads REGISTERS_* and, with the file adapter, `<configDir>/citizens/<country>.json`; a bad one stops start-up. */
export function loadRegistersSeed(
  configDir: string,
  country: string,
  env: Record<string, string | undefined> = process.env,
): RegistersSeed {
  const config = registersConfig(env);
  return config.adapter === 'file' ? { config, file: loadFileRegisters(configDir, country) } : { config };
}

const RAW_REGISTERS = Symbol('RAW_REGISTERS');

/**
 * The country's registers as the node sees them: the adapter the configuration chose (validated before start-up),
 * every answer noted on its purpose, the usage ledger and `myDataUsage`, `ots_register_calls_total` and the doctor's
 * `registers.reachable` check.
 */
@Module({})
export class RegistersModule implements OnModuleInit {
  constructor(
    @Inject(RAW_REGISTERS) private readonly registers: NationalRegisters,
    private readonly diagnostics: Diagnostics,
  ) {}

  onModuleInit(): void {
    this.diagnostics.register({
      id: 'registers.reachable',
      run: async () => {
        try {
          await this.registers.probe();
          return [{ check: 'registers.reachable', status: 'ok', subject: this.registers.adapter }];
        } catch (err) {
          if (!(err instanceof RegisterError)) throw err;
          return [
            {
              check: 'registers.reachable',
              status: 'fail',
              subject: this.registers.adapter,
              detail: `${err.code}: ${err.message}`.slice(0, 300),
            },
          ];
        }
      },
    });
  }

  static forRoot({ config, file }: RegistersSeed): DynamicModule {
    return {
      module: RegistersModule,
      global: true,
      imports: [TypeOrmModule.forFeature([DataUsageEntity]), MonitoringModule],
      providers: [
        {
          provide: RAW_REGISTERS,
          inject: [MetricsRecorder],
          useFactory: (metrics: MetricsRecorder): NationalRegisters => {
            if (config.adapter === 'file') return file as FileRegisters;
            const calls = metrics.counter('ots_register_calls_total', "Calls to the country's registers, by operation and outcome.", [
              'operation',
              'outcome',
            ]);
            const observe: RegisterCallObserver = (operation, outcome) => calls.inc({ operation, outcome });
            return new HttpRegisters(config.http, observe);
          },
        },
        { provide: NATIONAL_REGISTERS, inject: [RAW_REGISTERS], useFactory: (raw: NationalRegisters) => accounted(raw) },
        DataUsageLedger,
        DataUsageResolver,
      ],
      exports: [NATIONAL_REGISTERS, DataUsageLedger],
    };
  }
}
