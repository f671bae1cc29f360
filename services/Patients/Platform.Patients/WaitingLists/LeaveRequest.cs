using System.ComponentModel.DataAnnotations;

namespace Platform.Patients.WaitingLists;

public sealed record LeaveRequest([Required] LeaveReason? Reason);
