/// One pass of every controller, in dependency order: workloads create ReplicaSets and Jobs,
/// those create pods, the kubelet runs pods, then the autoscaler and disruption budgets read
/// the result.
extension Cluster {
    func runControllers() {
        runServiceAccounts()
        runRootCAPublisher()
        runCronJobs()
        runDeployments()
        runDaemonSets()
        runReplicaSets()
        runJobs()
        runKubelet()
        runHPAs()
        runPDBs()
    }
}
