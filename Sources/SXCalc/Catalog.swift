import Foundation
import SXCore

/// Every utility calculator, in the order they are listed.
public enum CalculatorCatalog {
  public static let all: [Calculator] =
    SteamCalculators.all + SteamReductionCalculators.all + BoilerCalculators.all + CombustionCalculators.all + InsulationCalculators.all
    + CompressedAirCalculators.all + ElectricCalculators.all + [MotorEfficiency.calculator] + FuelCalculators.all + WaterCalculators.all + [Finance.cashFlow]

  public static func calculator(_ id: String) -> Calculator? { all.first { $0.id == id } }
}
